import { products, webhookOutbox } from "@bazaar/db";
import { WEBHOOK_EVENT_TYPES } from "@bazaar/schemas";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveProduct, rejectProduct } from "../catalog";
import { advanceSubOrder, cancelMyOrder, getMyOrder } from "../orders";
import { completeDevPayment, confirmPayment, type DevGateway } from "../payments";
import { approveReturn, receiveReturn, rejectReturn, requestReturn } from "../returns";
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

  it("payments and returns: order paid, return requested, approved, received and refunded; another rejected", async () => {
    const { shop, events } = await listeningShop();
    const v = await f.variant(shop, 40_000, 50);
    const delivered = async () => {
      const buyer = await f.customer();
      let order = await f.checkout(buyer, [[v.id, 1]], "razorpay");
      const { redirectParams } = completeDevPayment(t.deps.payments as DevGateway, {
        orderId: order.payment!.razorpayOrderId,
        outcome: "pay",
      });
      const ok = redirectParams as Record<string, string>;
      order = await confirmPayment(t.deps, buyer.actor, {
        razorpayOrderId: ok.razorpay_order_id!,
        razorpayPaymentId: ok.razorpay_payment_id!,
        signature: ok.razorpay_signature!,
      });
      const sub = order.subOrders[0]!;
      await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "packed" });
      await advanceSubOrder(t.deps, shop.actor, {
        subOrderId: sub.id,
        to: "shipped",
        carrier: "Delhivery",
        trackingNumber: "DL12345678",
      });
      await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "out_for_delivery" });
      await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "delivered" });
      order = await getMyOrder(t.deps, buyer.actor, { orderId: order.id });
      const item = order.subOrders[0]!.items[0]!;
      const ret = await requestReturn(t.deps, buyer.actor, {
        subOrderId: sub.id,
        lines: [{ orderItemId: item.id, qty: 1, reason: "damaged" }],
      });
      return { order, ret, item };
    };
    const kept = await delivered();
    await approveReturn(t.deps, shop.actor, { id: kept.ret.id });
    await receiveReturn(t.deps, shop.actor, {
      id: kept.ret.id,
      lines: [{ orderItemId: kept.item.id, restock: true }],
    });
    await t.drain();
    const refused = await delivered();
    await rejectReturn(t.deps, shop.actor, { id: refused.ret.id, reason: "Used and worn" });

    const types = (await events()).map((e) => e.type);
    expect(types.filter((x) => x === "order.paid")).toHaveLength(2);
    expect(types.filter((x) => x.startsWith("return."))).toEqual([
      "return.requested",
      "return.approved",
      "return.received",
      "return.refunded",
      "return.requested",
      "return.rejected",
    ]);
  });
});
