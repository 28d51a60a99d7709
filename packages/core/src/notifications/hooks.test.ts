import { randomUUID } from "node:crypto";
import { notifications, payments, refunds, sellers, webhookEvents } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { approveProduct, rejectProduct } from "../catalog";
import { adjustBalance } from "../ledger";
import { advanceSubOrder, cancelMyOrder } from "../orders";
import { completeDevPayment, confirmPayment, type DevGateway, handleRazorpayWebhook } from "../payments";
import { markRefundProcessed } from "../payments/mark-refund-processed";
import { approvePayout, markPayoutPaid, requestPayout } from "../payouts";
import type { Actor } from "../platform/deps";
import { answerQuestion } from "../questions/answer-question";
import { askQuestion } from "../questions/ask-question";
import { approveReturn, requestReturn } from "../returns";
import { encryptBankAccount, suspendSeller } from "../sellers";
import { createTestContext, orderFixture, type TestContext } from "../testing";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
let admin: Actor;

beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
  admin = { userId: (await fx.customer()).user.id, role: "admin", sessionId: randomUUID() };
});
afterAll(() => t.close());

/** A user's notifications of one type, newest first. */
const inbox = (userId: string, type?: string) =>
  t.deps.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), type ? eq(notifications.type, type) : undefined));

async function codOrder() {
  const shop = await fx.shop(`Shop ${randomUUID().slice(0, 6)}`);
  const item = await fx.variant(shop, 50_000, 10, "Kantha throw");
  const buyer = await fx.customer();
  const order = await fx.checkout(buyer, [[item.id, 1]]);
  return { shop, item, buyer, order, sub: order.subOrders[0]! };
}

async function paidOrder() {
  const shop = await fx.shop(`Shop ${randomUUID().slice(0, 6)}`);
  const item = await fx.variant(shop, 80_000, 10, "Pashmina shawl");
  const buyer = await fx.customer();
  const placed = await fx.checkout(buyer, [[item.id, 1]], "razorpay");
  const { redirectParams } = completeDevPayment(t.deps.payments as DevGateway, {
    orderId: placed.payment!.razorpayOrderId,
    outcome: "pay",
  });
  const ok = redirectParams as {
    razorpay_order_id: string;
    razorpay_payment_id: string;
    razorpay_signature: string;
  };
  const order = await confirmPayment(t.deps, buyer.actor, {
    razorpayOrderId: ok.razorpay_order_id,
    razorpayPaymentId: ok.razorpay_payment_id,
    signature: ok.razorpay_signature,
  });
  return { shop, buyer, placed, order, sub: order.subOrders[0]! };
}

describe("orders", () => {
  it("placing a COD order tells the buyer and the shop, each with a link into their own app", async () => {
    const { shop, buyer, order, sub } = await codOrder();
    const [mine] = await inbox(buyer.user.id, "order.placed");
    expect(mine).toMatchObject({ category: "orders", link: `/orders/${order.id}` });
    expect(mine!.title).toContain(order.number);
    const [theirs] = await inbox(shop.userId, "order.new");
    expect(theirs).toMatchObject({ category: "orders", link: `/orders?order=${sub.id}` });
    expect(theirs!.title).toContain(sub.number);
    expect(await inbox(buyer.user.id, "order.new")).toEqual([]);
  });

  it("each step the shop takes reaches the buyer, and only the buyer", async () => {
    const { shop, buyer, order, sub } = await codOrder();
    await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "packed" });
    await advanceSubOrder(t.deps, shop.actor, {
      subOrderId: sub.id,
      to: "shipped",
      carrier: "Delhivery",
      trackingNumber: "DL12345678",
    });
    const [shipped] = await inbox(buyer.user.id, "order.shipped");
    expect(shipped).toMatchObject({ link: `/orders/${order.id}` });
    expect(shipped!.body).toContain("Delhivery");
    expect(await inbox(buyer.user.id, "order.packed")).toHaveLength(1);
    expect((await inbox(shop.userId)).map((n) => n.type)).toEqual(["order.new"]);
  });

  it("a buyer's cancellation reaches the shop, not the buyer who made it", async () => {
    const { shop, buyer, order, sub } = await codOrder();
    await cancelMyOrder(t.deps, buyer.actor, { orderId: order.id, reason: "Ordered by mistake" });
    const [theirs] = await inbox(shop.userId, "order.cancelled");
    expect(theirs).toMatchObject({ link: `/orders?order=${sub.id}` });
    expect(theirs!.body).toContain("Ordered by mistake");
    expect(await inbox(buyer.user.id, "order.cancelled")).toEqual([]);
  });

  it("a shop's cancellation reaches the buyer", async () => {
    const { shop, buyer, order, sub } = await codOrder();
    await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "cancelled", note: "Out of stock" });
    const [mine] = await inbox(buyer.user.id, "order.cancelled");
    expect(mine).toMatchObject({ link: `/orders/${order.id}` });
    expect(await inbox(shop.userId, "order.cancelled")).toEqual([]);
  });

  it("a step refused by the state machine writes no notification (same transaction)", async () => {
    const { shop, buyer, sub } = await codOrder();
    await expect(
      advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "delivered" }),
    ).rejects.toThrow();
    expect((await inbox(buyer.user.id)).map((n) => n.type)).toEqual(["order.placed"]);
  });
});

describe("payments", () => {
  it("an online order: the shop hears nothing until it is paid, then the buyer gets a receipt and the shop the order", async () => {
    const { shop, buyer, order, sub } = await paidOrder();
    const [placed] = await inbox(buyer.user.id, "order.placed");
    expect(placed!.body).toMatch(/payment/);
    const [receipt] = await inbox(buyer.user.id, "payment.received");
    expect(receipt).toMatchObject({ category: "payments", link: `/orders/${order.id}` });
    expect((await inbox(shop.userId)).map((n) => [n.type, n.link])).toEqual([
      ["order.new", `/orders?order=${sub.id}`],
    ]);
  });

  it("a refund that reaches the buyer tells them", async () => {
    const { buyer, order } = await paidOrder();
    await cancelMyOrder(t.deps, buyer.actor, { orderId: order.id });
    const [refund] = await t.deps.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    await markRefundProcessed(t.deps, {
      providerRefundId: `rfnd_${randomUUID().slice(0, 8)}`,
      receipt: null,
      refundId: refund!.id,
    });
    const [n] = await inbox(buyer.user.id, "refund.settled");
    expect(n).toMatchObject({ category: "payments", link: `/orders/${order.id}` });
  });

  it("a failed payment attempt tells the buyer they can try again", async () => {
    const shop = await fx.shop(`Shop ${randomUUID().slice(0, 6)}`);
    const item = await fx.variant(shop, 30_000, 10);
    const buyer = await fx.customer();
    const order = await fx.checkout(buyer, [[item.id, 1]], "razorpay");
    const [payment] = await t.deps.db.select().from(payments).where(eq(payments.orderId, order.id));
    const id = `evt_${randomUUID()}`;
    await t.deps.db.insert(webhookEvents).values({
      id,
      provider: "razorpay",
      event: "payment.failed",
      payload: {
        entity: "event",
        account_id: "acc_test",
        event: "payment.failed",
        contains: ["payment"],
        created_at: Math.floor(Date.now() / 1000),
        payload: {
          payment: {
            entity: {
              id: `pay_${randomUUID().slice(0, 12)}`,
              order_id: payment!.providerOrderId,
              amount: order.total,
              currency: "INR",
              status: "failed",
              method: "card",
              created_at: Math.floor(Date.now() / 1000),
              error_reason: "payment_failed",
              error_description: "Your bank declined the payment",
            },
          },
        },
      },
    });
    expect(await handleRazorpayWebhook(t.deps, id)).toBe("payment_failed_noted");
    const [n] = await inbox(buyer.user.id, "payment.failed");
    expect(n).toMatchObject({ category: "payments", link: `/orders/${order.id}` });
    expect(n!.body).toContain("declined");
  });
});

describe("questions, catalogue, shop", () => {
  it("a question reaches the shop; the shop's answer reaches the asker on the product page", async () => {
    const shop = await fx.shop(`Shop ${randomUUID().slice(0, 6)}`);
    const item = await fx.variant(shop, 20_000, 5, "Block-print kurta");
    const asker = await fx.customer();
    const q = await askQuestion(t.deps, asker.actor, { productId: item.product.id, body: "Is it cotton?" });
    const [asked] = await inbox(shop.userId, "question.asked");
    expect(asked).toMatchObject({ category: "questions", link: "/questions", body: "Is it cotton?" });
    await answerQuestion(t.deps, shop.actor, { questionId: q.id, body: "Yes, pure cotton." });
    const [answered] = await inbox(asker.user.id, "question.answered");
    expect(answered).toMatchObject({ link: `/p/${item.product.slug}#questions`, body: "Yes, pure cotton." });
  });

  it("moderation decisions reach the shop owner with a link to the product", async () => {
    const shop = await fx.shop(`Shop ${randomUUID().slice(0, 6)}`);
    const a = await fx.variant(shop, 10_000, 5, "Brass lamp");
    const b = await fx.variant(shop, 10_000, 5, "Copper jug");
    const { products } = await import("@bazaar/db");
    for (const p of [a, b])
      await t.deps.db.update(products).set({ status: "pending_review" }).where(eq(products.id, p.product.id));
    await approveProduct(t.deps, admin, { productId: a.product.id });
    await rejectProduct(t.deps, admin, { productId: b.product.id, reason: "Photos are blurry" });
    const [ok] = await inbox(shop.userId, "product.approved");
    expect(ok).toMatchObject({ category: "catalog", link: `/products/${a.product.id}` });
    const [no] = await inbox(shop.userId, "product.rejected");
    expect(no).toMatchObject({ link: `/products/${b.product.id}` });
    expect(no!.body).toContain("Photos are blurry");
  });

  it("a payout marked paid reaches the shop owner once, however often it is marked", async () => {
    const shop = await fx.shop(`Shop ${randomUUID().slice(0, 6)}`);
    await t.deps.db
      .update(sellers)
      .set({ bankAccountEncrypted: encryptBankAccount(t.deps, "001234567890"), bankAccountLast4: "7890" })
      .where(eq(sellers.id, shop.id));
    await adjustBalance(t.deps, admin, {
      sellerId: shop.id,
      direction: "credit",
      amount: 100_000,
      reason: "Opening funds",
    });
    const p = await requestPayout(t.deps, shop.actor, { amount: 60_000 });
    await approvePayout(t.deps, admin, { id: p.id });
    await markPayoutPaid(t.deps, admin, { id: p.id, utr: "HDFCN52026120712" });
    await markPayoutPaid(t.deps, admin, { id: p.id, utr: "HDFCN52026120712" });
    const paid = await inbox(shop.userId, "payout.paid");
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({ category: "payouts", link: "/payouts" });
    expect(paid[0]!.body).toContain("HDFCN52026120712");
  });

  it("a shop decision reaches its owner", async () => {
    const shop = await fx.shop(`Shop ${randomUUID().slice(0, 6)}`);
    await suspendSeller(t.deps, admin, { sellerId: shop.id, reason: "Counterfeit goods reported" });
    const [n] = await inbox(shop.userId, "shop.suspended");
    expect(n).toMatchObject({ category: "shop", link: "/shop" });
    expect(n!.body).toContain("Counterfeit goods reported");
  });
});

describe("returns", () => {
  it("a return request reaches the shop and its approval the buyer, each linking to the return", async () => {
    const { shop, buyer, order, sub } = await codOrder();
    for (const to of ["packed", "out_for_delivery", "delivered"] as const) {
      if (to === "out_for_delivery")
        await advanceSubOrder(t.deps, shop.actor, {
          subOrderId: sub.id,
          to: "shipped",
          carrier: "Delhivery",
          trackingNumber: "DL12345678",
        });
      await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to });
    }
    const ret = await requestReturn(t.deps, buyer.actor, {
      subOrderId: sub.id,
      lines: [{ orderItemId: order.subOrders[0]!.items[0]!.id, qty: 1, reason: "damaged" }],
      refundAccount: { kind: "upi", upiId: "anita.rao@okaxis" },
    });
    const [requested] = await inbox(shop.userId, "return.requested");
    expect(requested).toMatchObject({ category: "returns", link: `/returns/${ret.id}` });
    await approveReturn(t.deps, shop.actor, { id: ret.id });
    const [approved] = await inbox(buyer.user.id, "return.approved");
    expect(approved).toMatchObject({ category: "returns", link: `/returns/${ret.id}` });
  });
});
