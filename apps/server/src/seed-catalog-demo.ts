import { randomUUID } from "node:crypto";
import type { Deps } from "@bazaar/core";
import { inventoryMovements, media, productImages, products, productVariants } from "@bazaar/db";
import { ensureCategories, generateProduct, productPng } from "./seed-catalog-data";

export const DEMO_PRODUCT_COUNT = 240;
const IMAGE_SIZE = 240;
const DAY_MS = 24 * 3600 * 1000;

/**
 * The demo store's catalogue, for a newcomer's first start: the category tree and a few
 * hundred approved products with variants, stock (and its opening entry in the inventory
 * log) and two images each, shared among the given approved shops by trade (textiles to
 * the first, crafts, home and pantry to the second). Images go through the media store
 * port, so they are files under DATA_DIR/media served at /media (or Cloudinary uploads
 * when configured), owned by the shop's account like an upload would be.
 *
 * Idempotent: does nothing when these shops already have products. Returns how many
 * products it added.
 */
export async function seedDemoCatalog(
  deps: Pick<Deps, "db" | "cache" | "now" | "mediaStore">,
  options: { sellerIds: string[]; count?: number },
): Promise<number> {
  const { sellerIds, count = DEMO_PRODUCT_COUNT } = options;
  if (sellerIds.length === 0) return 0;
  const existing = await deps.db.query.products.findFirst({
    columns: { id: true },
    where: (p, { inArray }) => inArray(p.sellerId, sellerIds),
  });
  if (existing) return 0;

  const shops = await deps.db.query.sellers.findMany({
    columns: { id: true, userId: true },
    where: (s, { inArray }) => inArray(s.id, sellerIds),
  });
  const ownerOf = new Map(shops.map((s) => [s.id, s.userId]));
  const categoryIds = await ensureCategories(deps.db);
  const now = deps.now().getTime();

  const items = Array.from({ length: count }, (_, n) => {
    const p = generateProduct(n + 1, 4, `d${(n + 1).toString(36)}`);
    const sellerId = sellerIds[p.leaf.shop % sellerIds.length]!;
    return { n, p, id: randomUUID(), sellerId, createdAt: new Date(now - p.ageDays * DAY_MS) };
  });

  // Files first (each put is atomic and idempotent by key); rows after, in one transaction.
  const images: { productId: string; mediaId: string; position: number; alt: string }[] = [];
  const mediaRows: (typeof media.$inferInsert)[] = [];
  for (const { n, p, id, sellerId } of items) {
    for (const position of [0, 1]) {
      const bytes = productPng(p.leaf.colour, n + position * 3, IMAGE_SIZE);
      const stored = await deps.mediaStore.put(`demo/${p.slug}-${position + 1}.png`, bytes, "image/png");
      const mediaId = randomUUID();
      mediaRows.push({
        id: mediaId,
        ownerId: ownerOf.get(sellerId) ?? null,
        storeKey: stored.key,
        url: stored.url,
        contentType: "image/png",
        bytes: bytes.length,
        width: IMAGE_SIZE,
        height: IMAGE_SIZE,
      });
      images.push({ productId: id, mediaId, position, alt: p.title });
    }
  }

  await deps.db.transaction(async (tx) => {
    await tx.insert(media).values(mediaRows);
    await tx.insert(products).values(
      items.map(({ n, p, id, sellerId, createdAt }) => {
        const prices = p.variants.map((v) => v.price);
        return {
          id,
          sellerId,
          slug: p.slug,
          status: "approved" as const,
          title: p.title,
          description: p.description,
          brand: p.brand,
          categoryId: categoryIds.get(p.leaf.slug)!,
          attributes: { Origin: p.description.match(/in ([A-Z][a-z]+)/)?.[1] ?? "India" },
          hsnCode: p.leaf.hsn,
          gstRateBps: p.leaf.gstBps,
          options: p.options,
          tags: p.tags,
          // A handful on the home page.
          featured: n % 20 === 0,
          minPrice: Math.min(...prices),
          maxPrice: Math.max(...prices),
          totalStock: p.variants.reduce((sum, v) => sum + v.stock, 0),
          // No stars here: ratings come from real reviews (seed-reviews-demo.ts).
          soldCount: p.soldCount,
          approvedAt: createdAt,
          createdAt,
          updatedAt: createdAt,
        };
      }),
    );
    const variants = items.flatMap(({ p, id, sellerId, createdAt }) =>
      p.variants.map((v, position) => ({
        id: randomUUID(),
        productId: id,
        sellerId,
        position,
        createdAt,
        ...v,
      })),
    );
    await tx.insert(productVariants).values(
      variants.map((v) => ({
        id: v.id,
        productId: v.productId,
        sellerId: v.sellerId,
        sku: v.sku,
        optionValues: v.optionValues,
        price: v.price,
        compareAtPrice: v.compareAtPrice,
        stock: v.stock,
        weightGrams: 250 + v.position * 50,
        position: v.position,
        createdAt: v.createdAt,
        updatedAt: v.createdAt,
      })),
    );
    const stocked = variants.filter((v) => v.stock > 0);
    if (stocked.length)
      await tx.insert(inventoryMovements).values(
        stocked.map((v) => ({
          variantId: v.id,
          productId: v.productId,
          sellerId: v.sellerId,
          actorId: null,
          delta: v.stock,
          reason: "Opening stock (demo data)",
          resultingStock: v.stock,
          createdAt: v.createdAt,
        })),
      );
    await tx.insert(productImages).values(images);
  });
  await deps.cache.bump("catalog");
  return items.length;
}
