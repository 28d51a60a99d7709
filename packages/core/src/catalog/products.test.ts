import { randomUUID } from "node:crypto";
import { inventoryMovements, media, products, sellers } from "@bazaar/db";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../identity/create-user";
import type { Actor, SellerActor } from "../platform/deps";
import { createTestContext, type TestContext } from "../testing";
import { adjustStock } from "./adjust-stock";
import { approveProduct } from "./approve-product";
import { archiveProduct } from "./archive-product";
import { createCategory } from "./create-category";
import { createProduct } from "./create-product";
import { deleteCategory } from "./delete-category";
import { discardRevision } from "./discard-revision";
import { getSellerProduct } from "./get-seller-product";
import { inventoryLog } from "./inventory-log";
import { listSellerProducts } from "./list-seller-products";
import { moderationQueue } from "./moderation-queue";
import { rejectProduct } from "./reject-product";
import { restoreProduct } from "./restore-product";
import { setFeatured } from "./set-featured";
import { submitProduct } from "./submit-product";
import { updateCategory } from "./update-category";
import { updateProduct } from "./update-product";

let t: TestContext;
let admin: Actor;
let kurtas: string;

/** An approved shop of one test's own: SKUs are unique per seller, so tests must not share one. */
async function shop(name: string): Promise<SellerActor & { email: string }> {
  const slug = `${name}-${randomUUID().slice(0, 8)}`;
  const email = `${slug}@example.com`;
  const user = await createVerifiedUser(t.deps, {
    email,
    name: email,
    password: "pass-word-1",
    role: "seller",
  });
  const [s] = await t.deps.db
    .insert(sellers)
    .values({
      userId: user.id,
      shopName: email,
      slug,
      contactEmail: email,
      contactPhone: "+919876543210",
      pickupAddress: {
        name: "S",
        phone: "+919876543210",
        line1: "1 Road",
        city: "Jaipur",
        state: "Rajasthan",
        pincode: "302001",
      },
      bankAccountHolder: "S",
      bankAccountEncrypted: "x",
      bankAccountLast4: "1234",
      bankIfsc: "HDFC0001234",
      status: "approved",
    })
    .returning();
  return {
    userId: user.id,
    role: "seller",
    sessionId: "00000000-0000-0000-0000-000000000000",
    sellerId: s!.id,
    email,
  };
}

async function upload(owner: SellerActor, name: string) {
  const [m] = await t.deps.db
    .insert(media)
    .values({
      ownerId: owner.userId,
      storeKey: `test/${name}-${Math.random()}`,
      url: `http://media.test/${name}.png`,
      contentType: "image/png",
      bytes: 10,
    })
    .returning();
  return m!.id;
}

const kurta = (over: Record<string, unknown> = {}) => ({
  title: "Block-print cotton kurta",
  description: "Hand block printed in Sanganer.",
  brand: "Ravi Textiles",
  categoryId: kurtas,
  hsnCode: "6206",
  gstRateBps: 500 as const,
  options: [{ name: "Size", values: ["M", "L"] }],
  variants: [
    { sku: "KURTA-M", optionValues: { Size: "M" }, price: 89_900, compareAtPrice: 119_900, stock: 4 },
    { sku: "KURTA-L", optionValues: { Size: "L" }, price: 94_900, stock: 0 },
  ],
  ...over,
});

/** A product that has been through review and is live, as most edits start from. */
async function liveProduct(seller: SellerActor) {
  const p = await createProduct(
    t.deps,
    seller,
    kurta({ variants: [{ sku: "FLOW-M", optionValues: { Size: "M" }, price: 50_000, stock: 2 }] }),
  );
  await submitProduct(t.deps, seller, { id: p.id });
  await approveProduct(t.deps, admin, { productId: p.id });
  return p.id;
}

// The admin and the category products go into are only read by the tests; the categories
// test makes its own tree.
beforeAll(async () => {
  t = await createTestContext();
  const a = await createVerifiedUser(t.deps, {
    email: "admin@example.com",
    name: "Admin",
    password: "pass-word-1",
    role: "admin",
  });
  admin = { userId: a.id, role: "admin", sessionId: "00000000-0000-0000-0000-000000000000" };
  const clothing = await createCategory(t.deps, admin, { name: "Clothing" });
  kurtas = (await createCategory(t.deps, admin, { name: "Kurtas", parentId: clothing.id })).id;
});
afterAll(() => t.close());

describe("creating products", () => {
  it("creates a draft with variants, derived price range and an initial stock log", async () => {
    const ravi = await shop("ravi");
    const img = await upload(ravi, "front");
    const p = await createProduct(t.deps, ravi, kurta({ imageIds: [img] }));
    expect(p).toMatchObject({ status: "draft", title: "Block-print cotton kurta", gstRateBps: 500 });
    expect(p.slug).toMatch(/^block-print-cotton-kurta-[0-9a-f]{6}$/);
    expect(p.variants.map((v) => [v.sku, v.price, v.stock])).toEqual([
      ["KURTA-M", 89_900, 4],
      ["KURTA-L", 94_900, 0],
    ]);
    expect(p.images).toEqual([
      expect.objectContaining({ mediaId: img, url: "http://media.test/front.png", position: 0 }),
    ]);
    const [row] = await t.deps.db.select().from(products).where(eq(products.id, p.id));
    expect(row).toMatchObject({ minPrice: 89_900, maxPrice: 94_900, totalStock: 4 });
    const log = await t.deps.db
      .select()
      .from(inventoryMovements)
      .where(eq(inventoryMovements.productId, p.id));
    expect(log).toEqual([expect.objectContaining({ delta: 4, resultingStock: 4, reason: "initial stock" })]);
  });

  it("names every bad variant cell", async () => {
    const ravi = await shop("ravi");
    const err = await createProduct(
      t.deps,
      ravi,
      kurta({
        variants: [
          { sku: "A1", optionValues: { Size: "XL" }, price: 100 },
          { sku: "A1", optionValues: {}, price: 100 },
          { sku: "A3", optionValues: { Size: "M", Colour: "Red" }, price: 100 },
          { sku: "A4", optionValues: { Size: "M" }, price: 100 },
        ],
      }),
    ).catch((e) => e);
    expect(err).toMatchObject({ code: "VALIDATION", reason: "product.invalid_variants" });
    expect(Object.keys(err.details.fieldErrors).sort()).toEqual([
      "variants.0.optionValues.Size",
      "variants.1.optionValues.Size",
      "variants.1.sku",
      "variants.2.optionValues.Colour",
      "variants.3.optionValues",
    ]);
  });

  it("keeps SKUs unique per seller, not across sellers", async () => {
    const ravi = await shop("ravi");
    const meera = await shop("meera");
    expect((await createProduct(t.deps, ravi, kurta())).variants[0]!.sku).toBe("KURTA-M");
    await expect(createProduct(t.deps, ravi, kurta())).rejects.toMatchObject({
      reason: "product.sku_taken",
      details: { fieldErrors: { "variants.0.sku": expect.any(Array), "variants.1.sku": expect.any(Array) } },
    });
    const theirs = await createProduct(t.deps, meera, kurta());
    expect(theirs.variants[0]!.sku).toBe("KURTA-M");
  });

  it("refuses another user's images and an unknown category by field", async () => {
    const ravi = await shop("ravi");
    const meera = await shop("meera");
    const hers = await upload(meera, "hers");
    await expect(
      createProduct(
        t.deps,
        ravi,
        kurta({ imageIds: [hers], variants: [{ sku: "X1", optionValues: { Size: "M" }, price: 500 }] }),
      ),
    ).rejects.toMatchObject({
      details: { fieldErrors: { imageIds: expect.any(Array) } },
    });
    await expect(
      createProduct(
        t.deps,
        ravi,
        kurta({
          categoryId: "00000000-0000-4000-8000-000000000000",
          variants: [{ sku: "X2", optionValues: { Size: "M" }, price: 500 }],
        }),
      ),
    ).rejects.toMatchObject({ details: { fieldErrors: { categoryId: expect.any(Array) } } });
  });

  it("refuses a compare-at price that is not above the price", async () => {
    const ravi = await shop("ravi");
    await expect(
      createProduct(
        t.deps,
        ravi,
        kurta({ variants: [{ sku: "C1", optionValues: { Size: "M" }, price: 500, compareAtPrice: 400 }] }),
      ),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ["variants", 0, "compareAtPrice"] })],
    });
  });
});

describe("review flow", () => {
  it("goes draft → pending review → approved, and only legal moves are allowed", async () => {
    const ravi = await shop("ravi");
    const { id } = await createProduct(
      t.deps,
      ravi,
      kurta({ variants: [{ sku: "FLOW-M", optionValues: { Size: "M" }, price: 50_000, stock: 2 }] }),
    );
    await expect(archiveProduct(t.deps, ravi, { id })).rejects.toMatchObject({
      reason: "product.invalid_transition",
    });
    expect((await submitProduct(t.deps, ravi, { id })).status).toBe("pending_review");
    const queue = await moderationQueue(t.deps, admin, {});
    expect(queue.items.find((i) => i.product.id === id)).toMatchObject({
      kind: "new",
      seller: { id: ravi.sellerId },
    });
    expect((await approveProduct(t.deps, admin, { productId: id })).status).toBe("approved");
    await expect(approveProduct(t.deps, admin, { productId: id })).rejects.toMatchObject({
      reason: "product.not_awaiting_review",
    });
  });

  it("keeps the live version while an edit of a reviewed field waits, then applies it on approval", async () => {
    const ravi = await shop("ravi");
    const id = await liveProduct(ravi);
    const img = await upload(ravi, "new-front");
    const edited = await updateProduct(t.deps, ravi, {
      id,
      title: "Indigo block-print kurta",
      imageIds: [img],
    });
    expect(edited).toMatchObject({ status: "approved", title: "Block-print cotton kurta", images: [] });
    expect(edited.revision).toMatchObject({
      status: "pending_review",
      title: "Indigo block-print kurta",
      images: [{ mediaId: img }],
    });
    const queue = await moderationQueue(t.deps, admin, {});
    expect(queue.items.find((i) => i.product.id === id)?.kind).toBe("edit");

    const live = await approveProduct(t.deps, admin, { productId: id });
    expect(live).toMatchObject({ status: "approved", title: "Indigo block-print kurta", revision: null });
    expect(live.images.map((i) => i.mediaId)).toEqual([img]);
  });

  it("rejecting an edit leaves the live version untouched", async () => {
    const ravi = await shop("ravi");
    const id = await liveProduct(ravi);
    await updateProduct(t.deps, ravi, { id, description: "Now with misleading claims" });
    const after = await rejectProduct(t.deps, admin, { productId: id, reason: "Unverifiable claims" });
    expect(after).toMatchObject({ status: "approved", description: "Hand block printed in Sanganer." });
    expect(after.revision).toMatchObject({ status: "rejected", reason: "Unverifiable claims" });
  });

  it("drops a field from the proposal when it is set back to its live value, and discards an edit", async () => {
    const ravi = await shop("ravi");
    const id = await liveProduct(ravi);
    const live = await getSellerProduct(t.deps, ravi, { id });
    await updateProduct(t.deps, ravi, { id, title: "Proposed title", description: "Proposed description" });
    const back = await updateProduct(t.deps, ravi, { id, title: live.title });
    expect(back.revision).toMatchObject({ status: "pending_review", description: "Proposed description" });
    expect(back.revision?.title).toBeUndefined();
    const discarded = await discardRevision(t.deps, ravi, { id });
    expect(discarded).toMatchObject({ revision: null, title: live.title, description: live.description });
    await expect(discardRevision(t.deps, ravi, { id })).rejects.toMatchObject({
      reason: "product.no_revision",
    });
  });

  it("brings a removed variant back when its SKU is added again", async () => {
    const ravi = await shop("ravi");
    const p = await createProduct(
      t.deps,
      ravi,
      kurta({
        variants: [
          { sku: "BACK-M", optionValues: { Size: "M" }, price: 500, stock: 1 },
          { sku: "BACK-L", optionValues: { Size: "L" }, price: 600, stock: 2 },
        ],
      }),
    );
    const [m, l] = p.variants;
    await updateProduct(t.deps, ravi, {
      id: p.id,
      variants: [{ id: m!.id, sku: "BACK-M", optionValues: { Size: "M" }, price: 500 }],
    });
    const again = await updateProduct(t.deps, ravi, {
      id: p.id,
      variants: [
        { id: m!.id, sku: "BACK-M", optionValues: { Size: "M" }, price: 500 },
        { sku: "BACK-L", optionValues: { Size: "L" }, price: 650 },
      ],
    });
    expect(again.variants.map((v) => [v.id, v.price, v.stock])).toEqual([
      [m!.id, 500, 1],
      [l!.id, 650, 2],
    ]);
  });

  it("applies price changes on a live product at once, without review", async () => {
    const ravi = await shop("ravi");
    const id = await liveProduct(ravi);
    const p = await getSellerProduct(t.deps, ravi, { id });
    const v = p.variants[0]!;
    const after = await updateProduct(t.deps, ravi, {
      id,
      variants: [{ id: v.id, sku: v.sku, optionValues: v.optionValues, price: 45_000 }],
    });
    expect(after.variants[0]).toMatchObject({ price: 45_000, stock: 2 });
    expect(after.revision?.status).not.toBe("pending_review");
  });

  it("archives and restores, and features only approved products", async () => {
    const ravi = await shop("ravi");
    const id = await liveProduct(ravi);
    await setFeatured(t.deps, admin, { productId: id, featured: true });
    expect((await archiveProduct(t.deps, ravi, { id })).status).toBe("archived");
    await expect(setFeatured(t.deps, admin, { productId: id, featured: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(updateProduct(t.deps, ravi, { id, brand: "x" })).rejects.toMatchObject({
      reason: "product.archived",
    });
    expect((await restoreProduct(t.deps, ravi, { id })).status).toBe("approved");
  });

  it("rejects a new product with a reason and lets the seller resubmit", async () => {
    const ravi = await shop("ravi");
    const p = await createProduct(
      t.deps,
      ravi,
      kurta({
        title: "Fake brand kurta",
        variants: [{ sku: "FAKE-M", optionValues: { Size: "M" }, price: 500 }],
      }),
    );
    await submitProduct(t.deps, ravi, { id: p.id });
    const r = await rejectProduct(t.deps, admin, { productId: p.id, reason: "Counterfeit brand" });
    expect(r).toMatchObject({ status: "rejected", statusReason: "Counterfeit brand" });
    const fixed = await updateProduct(t.deps, ravi, { id: p.id, title: "Plain cotton kurta" });
    expect(fixed.title).toBe("Plain cotton kurta");
    expect((await submitProduct(t.deps, ravi, { id: p.id })).status).toBe("pending_review");
  });
});

describe("images", () => {
  it("deletes images a product no longer uses, and keeps those still in use", async () => {
    const ravi = await shop("ravi");
    const a = await upload(ravi, "a");
    const b = await upload(ravi, "b");
    const p = await createProduct(
      t.deps,
      ravi,
      kurta({ imageIds: [a, b], variants: [{ sku: "IMG-M", optionValues: { Size: "M" }, price: 500 }] }),
    );
    await updateProduct(t.deps, ravi, { id: p.id, imageIds: [b] });
    await t.drain();
    const left = await t.deps.db
      .select({ id: media.id })
      .from(media)
      .where(inArray(media.id, [a, b]));
    expect(left.map((m) => m.id)).toEqual([b]);
  });
});

describe("stock", () => {
  it("logs every adjustment and never goes below zero", async () => {
    const ravi = await shop("ravi");
    const p = await createProduct(
      t.deps,
      ravi,
      kurta({ variants: [{ sku: "STOCK-M", optionValues: { Size: "M" }, price: 500, stock: 3 }] }),
    );
    const variantId = p.variants[0]!.id;
    expect(await adjustStock(t.deps, ravi, { variantId, delta: 5, reason: "restock" })).toEqual({
      variantId,
      stock: 8,
    });
    expect((await adjustStock(t.deps, ravi, { variantId, delta: -2, reason: "damaged" })).stock).toBe(6);
    await expect(adjustStock(t.deps, ravi, { variantId, delta: -7, reason: "oops" })).rejects.toMatchObject({
      reason: "stock.would_go_negative",
      details: { stock: 6 },
    });
    const log = await inventoryLog(t.deps, ravi, { productId: p.id });
    expect(log.items.map((m) => [m.delta, m.resultingStock, m.reason])).toEqual([
      [-2, 6, "damaged"],
      [5, 8, "restock"],
      [3, 3, "initial stock"],
    ]);
    expect(log.items[0]!.actor).toBe(ravi.email);
    const [row] = await t.deps.db.select().from(products).where(eq(products.id, p.id));
    expect(row!.totalStock).toBe(6);
  });

  it("lets concurrent removals take exactly what is there", async () => {
    const ravi = await shop("ravi");
    const p = await createProduct(
      t.deps,
      ravi,
      kurta({ variants: [{ sku: "RACE-M", optionValues: { Size: "M" }, price: 500, stock: 5 }] }),
    );
    const variantId = p.variants[0]!.id;
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        adjustStock(t.deps, ravi, { variantId, delta: -1, reason: "sold offline" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect((await getSellerProduct(t.deps, ravi, { id: p.id })).variants[0]!.stock).toBe(0);
  });
});

describe("ownership", () => {
  it("answers another seller's product ids with NOT_FOUND everywhere", async () => {
    const ravi = await shop("ravi");
    const meera = await shop("meera");
    const mine = await createProduct(
      t.deps,
      meera,
      kurta({ variants: [{ sku: "MEERA-M", optionValues: { Size: "M" }, price: 500, stock: 1 }] }),
    );
    const id = mine.id;
    const variantId = mine.variants[0]!.id;
    for (const call of [
      () => getSellerProduct(t.deps, ravi, { id }),
      () => updateProduct(t.deps, ravi, { id, title: "Stolen" }),
      () => submitProduct(t.deps, ravi, { id }),
      () => archiveProduct(t.deps, ravi, { id }),
      () => adjustStock(t.deps, ravi, { variantId, delta: -1, reason: "theft" }),
      () => inventoryLog(t.deps, ravi, { productId: id }),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const list = await listSellerProducts(t.deps, ravi, { limit: 100 });
    expect(list.items.some((p) => p.id === id)).toBe(false);
    expect((await getSellerProduct(t.deps, meera, { id })).title).toBe("Block-print cotton kurta");
  });
});

describe("categories", () => {
  it("refuses to delete a category with products, or to make a cycle", async () => {
    const ravi = await shop("ravi");
    const n = randomUUID().slice(0, 8);
    const home = await createCategory(t.deps, admin, { name: `Home ${n}` });
    const rugs = await createCategory(t.deps, admin, { name: `Rugs ${n}`, parentId: home.id });
    const lamps = await createCategory(t.deps, admin, { name: `Lamps ${n}`, parentId: home.id });
    await createProduct(t.deps, ravi, kurta({ categoryId: rugs.id }));
    await expect(deleteCategory(t.deps, admin, { id: rugs.id })).rejects.toMatchObject({
      reason: "category.has_products",
    });
    await expect(updateCategory(t.deps, admin, { id: home.id, parentId: rugs.id })).rejects.toMatchObject({
      reason: "category.cycle",
    });
    await expect(createCategory(t.deps, admin, { name: `Rugs ${n}` })).rejects.toMatchObject({
      reason: "category.slug_taken",
    });
    await deleteCategory(t.deps, admin, { id: lamps.id });
    expect(
      await t.deps.db.query.categories.findFirst({ where: (c, { eq }) => eq(c.id, lamps.id) }),
    ).toBeUndefined();
  });
});
