import { randomUUID } from "node:crypto";
import { addresses, products, productVariants, sellers, users } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { addCartItem } from "../cart";
import { placeOrder } from "../checkout";
import type { Actor, Deps, SellerActor } from "../platform/deps";
import { catalogFixture } from "./catalog-fixture";

/** Test-only: shops, stocked products and customers with an address, straight into the tables. */
export function orderFixture(t: { deps: Deps }) {
  const f = catalogFixture(t.deps);
  let category: { id: string } | undefined;

  async function shop(name: string, state = "Rajasthan") {
    const s = await f.seller({ name });
    if (state !== "Rajasthan")
      await t.deps.db
        .update(sellers)
        .set({ pickupAddress: { ...s.pickupAddress, state } })
        .where(eq(sellers.id, s.id));
    const actor: SellerActor = { userId: s.userId, role: "seller", sessionId: randomUUID(), sellerId: s.id };
    return { ...s, actor };
  }

  async function variant(seller: { id: string }, price: number, stock: number, title = `Item ${price}`) {
    category ??= await f.category("Everything");
    const p = await f.product({ seller, category, title, variants: [{ price, stock }] });
    await t.deps.db.update(products).set({ hsnCode: "6109", gstRateBps: 1200 }).where(eq(products.id, p.id));
    const [v] = await t.deps.db.select().from(productVariants).where(eq(productVariants.productId, p.id));
    return { product: p, variant: v!, id: v!.id };
  }

  async function customer(state = "Karnataka") {
    const [u] = await t.deps.db
      .insert(users)
      .values({
        email: `buyer-${randomUUID()}@example.com`,
        name: "Anita Rao",
        passwordHash: "x",
        phone: "9876543210",
      })
      .returning();
    const [a] = await t.deps.db
      .insert(addresses)
      .values({
        userId: u!.id,
        name: "Anita Rao",
        phone: "9876543210",
        line1: "42 Residency Road",
        city: "Bengaluru",
        state,
        pincode: "560025",
        isDefault: true,
      })
      .returning();
    const actor: Actor = { userId: u!.id, role: "customer", sessionId: randomUUID() };
    return { user: u!, addressId: a!.id, actor };
  }

  const stockOf = async (variantId: string) =>
    (
      await t.deps.db
        .select({ stock: productVariants.stock })
        .from(productVariants)
        .where(eq(productVariants.id, variantId))
    )[0]!.stock;

  const fill = async (buyer: { actor: Actor }, lines: [string, number][]) => {
    for (const [variantId, qty] of lines)
      await addCartItem(t.deps, { userId: buyer.actor.userId }, { variantId, qty });
  };

  /** Fills the buyer's cart and checks it out with a fresh idempotency key. */
  const checkout = async (
    buyer: { actor: Actor; addressId: string },
    lines: [string, number][],
    paymentMethod: "cod" | "razorpay" = "cod",
  ) => {
    await fill(buyer, lines);
    return placeOrder(t.deps, buyer.actor, {
      addressId: buyer.addressId,
      paymentMethod,
      idempotencyKey: `k-${randomUUID()}`,
    });
  };

  return { shop, variant, customer, stockOf, fill, checkout };
}
