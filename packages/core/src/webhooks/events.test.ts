import { products, webhookOutbox } from "@bazaar/db";
import { WEBHOOK_EVENT_TYPES } from "@bazaar/schemas";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveProduct, rejectProduct } from "../catalog";
import { advanceSubOrder, cancelMyOrder } from "../orders";
import { orderFixture } from "../testing";
import { newActor } from "../testing/seller-fixture";
import { createTestContext, type TestContext } from "../testing/test-context";
import { createWebhookEndpoint } from ".";

let t: TestContext;
let f: ReturnType<typeof orderFixture>;
beforeAll(async () => {
  t = await createTestContext();
  f = orderFixture(t);
});
afterAll(() => t.close());

/** A shop listening to every event, and the outbox rows its endpoint got, oldest first. */
async function listeningShop() {
  const shop = await f.shop(`Listening ${Math.random().toString(36).slice(2, 6)}`);
  const { endpoint } = await createWebhookEndpoint(t.deps, shop.actor, {
    url: "https://hooks.example.com/bazaar",
    events: [...WEBHOOK_EVENT_TYPES],
  });
  const events = async () =>
    (
      await t.deps.db
        .select()
        .from(webhookOutbox)
        .where(eq(webhookOutbox.endpointId, endpoint.id))
        .orderBy(asc(webhookOutbox.createdAt), asc(webhookOutbox.id))
    ).map((r) => r.payload as { type: string; data: Record<string, unknown> });
  return { shop, events };
}

describe("the changes that write webhook events, in their own transactions", () => {
  it("orders: placed, each status step, cancelled; each carries the shop's part only", async () => {
    const { shop, events } = await listeningShop();
    const other = await f.shop("Someone else");
    const mine = await f.variant(shop, 20_000, 50);
    const theirs = await f.variant(other, 30_000, 50);
    const order = await f.checkout(await f.customer(), [
      [mine.id, 1],
      [theirs.id, 1],
    ]);
    const sub = order.subOrders.find((s) => s.seller.id === shop.id)!;
    await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "packed" });
    const buyer = await f.customer();
    const second = await f.checkout(buyer, [[mine.id, 1]]);
    await cancelMyOrder(t.deps, buyer.actor, { orderId: second.id, reason: "Ordered twice" });

    const got = await events();
    expect(got.map((e) => e.type)).toEqual([
      "order.placed",
      "sub_order.status_changed",
      "order.placed",
      "order.cancelled",
    ]);
    expect(got[0]!.data).toMatchObject({
      orderId: order.id,
      subOrderId: sub.id,
      sellerId: shop.id,
      total: sub.total,
    });
    expect(got[1]!.data).toMatchObject({ subOrderId: sub.id, status: "packed" });
    expect(got[3]!.data).toMatchObject({
      orderId: second.id,
      cancelledBy: "customer",
      reason: "Ordered twice",
    });
    expect(got.every((e) => e.data.sellerId === shop.id)).toBe(true);
  });

  it("moderation: product approved and rejected", async () => {
    const { shop, events } = await listeningShop();
    const admin = await newActor(t, "admin");
    const a = await f.variant(shop, 10_000, 5, "Brass lamp");
    const b = await f.variant(shop, 10_000, 5, "Brass bowl");
    await t.deps.db.update(products).set({ status: "pending_review" }).where(eq(products.id, a.product.id));
    await t.deps.db.update(products).set({ status: "pending_review" }).where(eq(products.id, b.product.id));
    await approveProduct(t.deps, admin.actor, { productId: a.product.id });
    await rejectProduct(t.deps, admin.actor, { productId: b.product.id, reason: "Blurry photos" });
    const got = await events();
    expect(got.map((e) => [e.type, e.data.productId])).toEqual([
      ["product.approved", a.product.id],
      ["product.rejected", b.product.id],
    ]);
    expect(got[1]!.data.reason).toBe("Blurry photos");
  });
});
