import { createTestContext, type TestContext } from "@bazaar/core/testing";
import { categories, products, productVariants, sellers, users } from "@bazaar/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientError, testHttp } from "../testing/http";
import { createCallerFactory, router } from "../trpc";
import { catalogRoutes } from "./catalog";

// Mounted here as the app router will: `catalog.*`.
const createCaller = createCallerFactory(router({ catalog: catalogRoutes.public }));

let t: TestContext;
const http = testHttp();
const api = () => createCaller({ deps: t.deps, http });

let kurtaSlug: string;
let draftSlug: string;
beforeAll(async () => {
  t = await createTestContext();
  const db = t.deps.db;
  const [user] = await db
    .insert(users)
    .values({ email: "weaver@example.com", name: "Weaver", passwordHash: "x", role: "seller" })
    .returning();
  const [shop] = await db
    .insert(sellers)
    .values({
      userId: user!.id,
      shopName: "Bagru Prints",
      slug: "bagru-prints",
      contactEmail: "weaver@example.com",
      contactPhone: "+919829012345",
      pickupAddress: {
        name: "W",
        phone: "+919829012345",
        line1: "Bagru",
        city: "Jaipur",
        state: "Rajasthan",
        pincode: "303007",
      },
      bankAccountHolder: "W",
      bankAccountEncrypted: "test",
      bankAccountLast4: "1234",
      bankIfsc: "SBIN0031234",
      status: "approved",
    })
    .returning();
  const [women] = await db.insert(categories).values({ name: "Women", slug: "women" }).returning();
  const [kurtas] = await db
    .insert(categories)
    .values({ name: "Kurtas", slug: "kurtas", parentId: women!.id })
    .returning();
  const insert = async (title: string, slug: string, status: "approved" | "draft") => {
    const [p] = await db
      .insert(products)
      .values({
        sellerId: shop!.id,
        categoryId: kurtas!.id,
        slug,
        title,
        status,
        minPrice: 79_900,
        maxPrice: 79_900,
        totalStock: 3,
      })
      .returning();
    await db
      .insert(productVariants)
      .values({ productId: p!.id, sellerId: shop!.id, sku: slug, price: 79_900, stock: 3 });
  };
  kurtaSlug = "indigo-kurta";
  draftSlug = "draft-kurta";
  await insert("Indigo Dabu Kurta", kurtaSlug, "approved");
  await insert("Draft Kurta", draftSlug, "draft");
});
afterAll(() => t.close());

describe("catalog (public) procedures", () => {
  it("answers without signing in", async () => {
    const tree = await api().catalog.categories();
    expect(tree).toMatchObject([{ slug: "women", children: [{ slug: "kurtas", children: [] }] }]);
    const list = await api().catalog.products.list({ category: "women", q: "kurtha" });
    expect(list.items.map((i) => i.slug)).toEqual([kurtaSlug]);
    expect(list.total).toBe(1);
    expect(list.facets.categories).toEqual([{ slug: "kurtas", name: "Kurtas", count: 1 }]);
    const page = await api().catalog.products.bySlug({ slug: kurtaSlug });
    expect(page).toMatchObject({ title: "Indigo Dabu Kurta", seller: { slug: "bagru-prints" } });
    const s = await api().catalog.search.suggest({ q: "indi" });
    expect(s).toContainEqual({ kind: "product", label: "Indigo Dabu Kurta", slug: kurtaSlug });
  });

  it("gives NOT_FOUND with a reason for a product that is not public", async () => {
    expect(await clientError(api().catalog.products.bySlug({ slug: draftSlug }))).toMatchObject({
      code: "NOT_FOUND",
      reason: "product.not_found",
    });
  });

  it("turns bad input into field errors, never a 500", async () => {
    const bad = async (p: Promise<unknown>) =>
      (await clientError(p)) as { code: string; fieldErrors: object };
    expect(await bad(api().catalog.products.list({ minPrice: 900, maxPrice: 100 }))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { minPrice: ["Minimum price is above the maximum"] },
    });
    expect(
      await bad(
        api().catalog.products.list({ limit: 0, sort: "cheapest" as "newest", brand: ["x".repeat(81)] }),
      ),
    ).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { limit: expect.any(Array), sort: expect.any(Array), "brand.0": expect.any(Array) },
    });
    expect(await bad(api().catalog.products.list({ cursor: "garbage" }))).toMatchObject({
      code: "BAD_REQUEST",
      reason: "pagination.bad_cursor",
      fieldErrors: { cursor: expect.any(Array) },
    });
    expect(await bad(api().catalog.products.bySlug({ slug: "" }))).toMatchObject({
      fieldErrors: { slug: expect.any(Array) },
    });
    expect(await bad(api().catalog.search.suggest({ q: " ", limit: 50 }))).toMatchObject({
      fieldErrors: { q: expect.any(Array), limit: expect.any(Array) },
    });
  });
});
