import { randomUUID } from "node:crypto";
import { products, productVariants, sellers } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCart } from "../cart";
import { createSaleEvent } from "../promotions";
import { createTestContext, orderFixture, rejects, type TestContext } from "../testing";
import {
  addToWishlist,
  listWishlist,
  moveWishlistToCart,
  removeFromWishlist,
  sharedWishlist,
  shareWishlist,
  unshareWishlist,
  wishlistStatus,
} from "./index";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
});
afterAll(() => t.close());

type Shop = Awaited<ReturnType<typeof fx.shop>>;
type Item = Awaited<ReturnType<typeof fx.variant>>;

/** One more variant of an existing product (a size), straight into the table. */
async function addVariant(shop: Shop, item: Item, price: number, stock = 5) {
  const [v] = await t.deps.db
    .insert(productVariants)
    .values({
      productId: item.product.id,
      sellerId: shop.id,
      sku: `SKU-${randomUUID().slice(0, 8)}`,
      optionValues: { Size: "L" },
      price,
      stock,
      position: 1,
    })
    .returning();
  return v!;
}

/** A customer of the test's own, as the actor the API would pass. */
const newCustomer = async () => (await fx.customer()).actor;
const savedIds = async (actor: Awaited<ReturnType<typeof newCustomer>>) =>
  (await listWishlist(t.deps, actor)).items.map((i) => i.productId);
const cartLines = async (actor: { userId: string }) =>
  (await getCart(t.deps, { userId: actor.userId })).groups.flatMap((g) =>
    g.lines.map((l) => [l.variantId, l.qty]),
  );

describe("saving products", () => {
  it("saves a product once, with the latest variant choice, newest first, at the chosen variant's price", async () => {
    const shop = await fx.shop("Ravi Textiles");
    const kurta = await fx.variant(shop, 80_000, 5, "Cotton kurta");
    const large = await addVariant(shop, kurta, 90_000, 0);
    const saree = await fx.variant(shop, 250_000, 2, "Banarasi saree");
    const me = await newCustomer();
    await addToWishlist(t.deps, me, { productId: kurta.product.id });
    t.advance(1_000);
    await addToWishlist(t.deps, me, { productId: saree.product.id });
    // Saved again with a size: still one entry, still where it was in the list.
    await addToWishlist(t.deps, me, { productId: kurta.product.id, variantId: large.id });
    const { items, nextCursor } = await listWishlist(t.deps, me);
    expect(nextCursor).toBeNull();
    expect(items.map((i) => [i.title, i.variantId, i.price, i.regularPrice, i.inStock, i.available])).toEqual(
      [
        ["Banarasi saree", null, 250_000, 250_000, true, true],
        ["Cotton kurta", large.id, 90_000, 90_000, false, true],
      ],
    );
    // Without a variant chosen, the cheapest one stands for the product.
    await addToWishlist(t.deps, me, { productId: kurta.product.id });
    expect((await listWishlist(t.deps, me)).items[1]).toMatchObject({
      variantId: null,
      price: 80_000,
      inStock: true,
    });
  });

  it("refuses products the storefront does not show, and a variant of another product", async () => {
    const shop = await fx.shop("Ravi Textiles");
    const draft = await fx.variant(shop, 10_000, 5);
    await t.deps.db.update(products).set({ status: "draft" }).where(eq(products.id, draft.product.id));
    const suspendedShop = await fx.shop("Gone Shop");
    const hidden = await fx.variant(suspendedShop, 10_000, 5);
    await t.deps.db.update(sellers).set({ status: "suspended" }).where(eq(sellers.id, suspendedShop.id));
    const me = await newCustomer();
    for (const productId of [draft.product.id, hidden.product.id, randomUUID()]) {
      const e = await rejects(addToWishlist(t.deps, me, { productId }));
      expect([e.code, e.reason]).toEqual(["NOT_FOUND", "product.not_found"]);
    }
    const kurta = await fx.variant(shop, 80_000, 5);
    const saree = await fx.variant(shop, 90_000, 5);
    const mismatch = await rejects(
      addToWishlist(t.deps, me, { productId: kurta.product.id, variantId: saree.id }),
    );
    expect([mismatch.code, mismatch.reason, Object.keys(mismatch.details?.fieldErrors as object)]).toEqual([
      "VALIDATION",
      "wishlist.variant_mismatch",
      ["variantId"],
    ]);
    expect(await savedIds(me)).toEqual([]);
  });

  it("shows a running sale's price, and keeps a product whose shop is suspended later, marked unavailable", async () => {
    const shop = await fx.shop("Meera Crafts");
    const lamp = await fx.variant(shop, 50_000, 5, "Brass lamp");
    const me = await newCustomer();
    await addToWishlist(t.deps, me, { productId: lamp.product.id });
    await createSaleEvent(t.deps, shop.actor, {
      name: "Diwali",
      startsAt: t.deps.now(),
      endsAt: new Date(t.deps.now().getTime() + 86_400_000),
      items: [{ variantId: lamp.id, salePrice: 40_000 }],
    });
    expect((await listWishlist(t.deps, me)).items[0]).toMatchObject({ price: 40_000, regularPrice: 50_000 });
    await t.deps.db.update(sellers).set({ status: "suspended" }).where(eq(sellers.id, shop.id));
    expect((await listWishlist(t.deps, me)).items.map((i) => [i.title, i.available])).toEqual([
      ["Brass lamp", false],
    ]);
  });

  it("removes a product, saying whether there was one to remove", async () => {
    const shop = await fx.shop("Ravi Textiles");
    const kurta = await fx.variant(shop, 80_000, 5);
    const me = await newCustomer();
    await addToWishlist(t.deps, me, { productId: kurta.product.id });
    expect(await removeFromWishlist(t.deps, me, { productId: kurta.product.id })).toEqual({ removed: true });
    expect(await removeFromWishlist(t.deps, me, { productId: kurta.product.id })).toEqual({ removed: false });
    expect(await savedIds(me)).toEqual([]);
  });

  it("pages through a long list newest first", async () => {
    const shop = await fx.shop("Ravi Textiles");
    const me = await newCustomer();
    const saved = [];
    for (let i = 0; i < 5; i++) {
      const item = await fx.variant(shop, 10_000 + i, 5, `Item ${i}`);
      await addToWishlist(t.deps, me, { productId: item.product.id });
      saved.push(item.product.id);
      t.advance(1_000);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listWishlist(t.deps, me, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.productId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(saved.reverse());
  });

  it("keeps one customer's list from another", async () => {
    const shop = await fx.shop("Ravi Textiles");
    const kurta = await fx.variant(shop, 80_000, 5);
    const me = await newCustomer();
    const other = await newCustomer();
    await addToWishlist(t.deps, me, { productId: kurta.product.id });
    expect(await savedIds(other)).toEqual([]);
    expect(await removeFromWishlist(t.deps, other, { productId: kurta.product.id })).toEqual({
      removed: false,
    });
    const e = await rejects(moveWishlistToCart(t.deps, other, { productId: kurta.product.id }));
    expect([e.code, e.reason]).toEqual(["NOT_FOUND", "wishlist.item_not_found"]);
    expect((await wishlistStatus(t.deps, other, { productIds: [kurta.product.id] })).saved).toEqual([]);
    expect(await savedIds(me)).toEqual([kurta.product.id]);
  });
});

describe("moving to the cart", () => {
  it("puts the only variant in the cart and takes the product off the list", async () => {
    const shop = await fx.shop("Ravi Textiles");
    const kurta = await fx.variant(shop, 80_000, 5);
    const me = await newCustomer();
    await addToWishlist(t.deps, me, { productId: kurta.product.id });
    const result = await moveWishlistToCart(t.deps, me, { productId: kurta.product.id, qty: 2 });
    expect(result.cart.totals).toMatchObject({ subtotal: 160_000, itemCount: 2 });
    expect(await cartLines(me)).toEqual([[kurta.id, 2]]);
    expect(await savedIds(me)).toEqual([]);
  });

  it("asks for a choice among several variants, and otherwise uses the one given or the one saved", async () => {
    const shop = await fx.shop("Ravi Textiles");
    const kurta = await fx.variant(shop, 80_000, 5);
    const large = await addVariant(shop, kurta, 90_000);
    const me = await newCustomer();
    await addToWishlist(t.deps, me, { productId: kurta.product.id });
    const choose = await rejects(moveWishlistToCart(t.deps, me, { productId: kurta.product.id }));
    expect([choose.reason, Object.keys(choose.details?.fieldErrors as object)]).toEqual([
      "wishlist.choose_variant",
      ["variantId"],
    ]);
    expect(await savedIds(me)).toEqual([kurta.product.id]);
    await moveWishlistToCart(t.deps, me, { productId: kurta.product.id, variantId: large.id });
    expect(await cartLines(me)).toEqual([[large.id, 1]]);

    const other = await newCustomer();
    await addToWishlist(t.deps, other, { productId: kurta.product.id, variantId: large.id });
    await moveWishlistToCart(t.deps, other, { productId: kurta.product.id });
    expect(await cartLines(other)).toEqual([[large.id, 1]]);
  });

  it("refuses a variant of another product, leaving the cart and the list as they were", async () => {
    const shop = await fx.shop("Ravi Textiles");
    const kurta = await fx.variant(shop, 80_000, 5, "Cotton kurta");
    const saree = await fx.variant(shop, 250_000, 5, "Banarasi saree");
    const me = await newCustomer();
    await addToWishlist(t.deps, me, { productId: kurta.product.id });
    const e = await rejects(
      moveWishlistToCart(t.deps, me, { productId: kurta.product.id, variantId: saree.id }),
    );
    expect([e.code, e.reason, Object.keys(e.details?.fieldErrors as object)]).toEqual([
      "VALIDATION",
      "wishlist.variant_mismatch",
      ["variantId"],
    ]);
    expect(await cartLines(me)).toEqual([]);
    expect(await savedIds(me)).toEqual([kurta.product.id]);
  });
});

describe("sharing", () => {
  it("gives one link until it is revoked, showing what can be bought and nothing about the owner", async () => {
    const shop = await fx.shop("Ravi Textiles");
    const kurta = await fx.variant(shop, 80_000, 5, "Cotton kurta");
    const gone = await fx.variant(shop, 90_000, 5, "Withdrawn kurta");
    const me = await newCustomer();
    await addToWishlist(t.deps, me, { productId: kurta.product.id });
    await addToWishlist(t.deps, me, { productId: gone.product.id });
    await t.deps.db.update(products).set({ status: "archived" }).where(eq(products.id, gone.product.id));

    const { token } = await shareWishlist(t.deps, me);
    expect(await shareWishlist(t.deps, me)).toEqual({ token });
    const shared = await sharedWishlist(t.deps, { token });
    expect(shared.items.map((i) => i.title)).toEqual(["Cotton kurta"]);
    expect(JSON.stringify(shared)).not.toContain(me.userId);

    expect(await unshareWishlist(t.deps, me)).toEqual({ revoked: true });
    expect(await unshareWishlist(t.deps, me)).toEqual({ revoked: false });
    const dead = await rejects(sharedWishlist(t.deps, { token }));
    expect([dead.code, dead.reason]).toEqual(["NOT_FOUND", "wishlist.not_found"]);
    // Sharing again makes a new link; the old one stays dead.
    const again = await shareWishlist(t.deps, me);
    expect(again.token).not.toBe(token);
    expect((await sharedWishlist(t.deps, { token: again.token })).items).toHaveLength(1);
  });

  it("tells which of the given products are saved, and whether a share link is live", async () => {
    const shop = await fx.shop("Ravi Textiles");
    const kurta = await fx.variant(shop, 80_000, 5);
    const saree = await fx.variant(shop, 90_000, 5);
    const me = await newCustomer();
    expect(await wishlistStatus(t.deps, me)).toEqual({ saved: [], shareToken: null });
    await addToWishlist(t.deps, me, { productId: kurta.product.id });
    const { token } = await shareWishlist(t.deps, me);
    expect(await wishlistStatus(t.deps, me, { productIds: [kurta.product.id, saree.product.id] })).toEqual({
      saved: [kurta.product.id],
      shareToken: token,
    });
    await unshareWishlist(t.deps, me);
    expect((await wishlistStatus(t.deps, me)).shareToken).toBeNull();
  });
});
