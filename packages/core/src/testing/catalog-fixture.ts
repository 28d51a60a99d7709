import { randomUUID } from "node:crypto";
import { categories, media, productImages, products, productVariants, sellers, users } from "@bazaar/db";
import type { Deps } from "../platform/deps";

/**
 * Test-only: rows straight into the tables, so browse tests depend on nothing but the
 * schema (not on the write-side use cases, moderation or seller onboarding).
 */
type SellerStatus = "pending" | "approved" | "rejected" | "suspended";
type ProductStatus = "draft" | "pending_review" | "approved" | "rejected" | "archived";
export type VariantSpec = { price: number; stock?: number; compareAtPrice?: number; active?: boolean };
export type ProductSpec = {
  seller: { id: string };
  category: { id: string };
  title: string;
  slug?: string;
  brand?: string | null;
  description?: string;
  status?: ProductStatus;
  variants?: VariantSpec[];
  images?: string[];
  featured?: boolean;
  ratingAvg?: number;
  ratingCount?: number;
  soldCount?: number;
  createdAt?: Date;
  tags?: string[];
};

const tail = () => randomUUID().slice(0, 8);

export function catalogFixture(deps: Pick<Deps, "db">) {
  const db = deps.db;
  let n = 0;

  async function seller(opts: { name?: string; slug?: string; status?: SellerStatus } = {}) {
    const i = ++n;
    const name = opts.name ?? `Shop ${i}`;
    const [user] = await db
      .insert(users)
      .values({ email: `seller-${i}-${tail()}@example.com`, name, passwordHash: "x", role: "seller" })
      .returning();
    const [row] = await db
      .insert(sellers)
      .values({
        userId: user!.id,
        shopName: name,
        slug: opts.slug ?? `shop-${i}-${tail()}`,
        contactEmail: user!.email,
        contactPhone: "+919876543210",
        pickupAddress: {
          name,
          phone: "+919876543210",
          line1: "1 MG Road",
          city: "Jaipur",
          state: "Rajasthan",
          pincode: "302001",
        },
        bankAccountHolder: name,
        bankAccountEncrypted: "test",
        bankAccountLast4: "1234",
        bankIfsc: "HDFC0001234",
        status: opts.status ?? "approved",
      })
      .returning();
    return row!;
  }

  async function category(name: string, parent?: { id: string }, position = 0) {
    const [row] = await db
      .insert(categories)
      .values({
        name,
        slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${tail()}`,
        parentId: parent?.id ?? null,
        position,
      })
      .returning();
    return row!;
  }

  async function product(spec: ProductSpec) {
    const i = ++n;
    const variants = (spec.variants ?? [{ price: 99_900, stock: 5 }]).map((v) => ({
      ...v,
      stock: v.stock ?? 5,
      active: v.active ?? true,
    }));
    const active = variants.filter((v) => v.active);
    const prices = active.map((v) => v.price);
    const createdAt = spec.createdAt ?? new Date();
    const [row] = await db
      .insert(products)
      .values({
        sellerId: spec.seller.id,
        categoryId: spec.category.id,
        slug: spec.slug ?? `product-${i}-${tail()}`,
        status: spec.status ?? "approved",
        title: spec.title,
        description: spec.description ?? "",
        brand: spec.brand ?? null,
        featured: spec.featured ?? false,
        tags: spec.tags ?? [],
        ratingAvg: spec.ratingAvg ?? 0,
        ratingCount: spec.ratingCount ?? 0,
        soldCount: spec.soldCount ?? 0,
        minPrice: prices.length ? Math.min(...prices) : null,
        maxPrice: prices.length ? Math.max(...prices) : null,
        totalStock: active.reduce((sum, v) => sum + v.stock, 0),
        approvedAt: spec.status === undefined || spec.status === "approved" ? createdAt : null,
        createdAt,
        updatedAt: createdAt,
      })
      .returning();
    const p = row!;
    await db.insert(productVariants).values(
      variants.map((v, position) => ({
        productId: p.id,
        sellerId: spec.seller.id,
        sku: `SKU-${i}-${position}-${tail()}`,
        optionValues: (variants.length > 1
          ? { Size: ["S", "M", "L", "XL", "XXL"][position] ?? `${position}` }
          : {}) as Record<string, string>,
        price: v.price,
        compareAtPrice: v.compareAtPrice ?? null,
        stock: v.stock,
        position,
        active: v.active,
      })),
    );
    for (const [position, url] of (spec.images ?? []).entries()) {
      const [m] = await db
        .insert(media)
        .values({ storeKey: `test/${tail()}-${position}.png`, url, contentType: "image/png", bytes: 68 })
        .returning();
      await db.insert(productImages).values({ productId: p.id, mediaId: m!.id, position, alt: spec.title });
    }
    return p;
  }

  return { seller, category, product };
}
