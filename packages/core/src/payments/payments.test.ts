import { orders, payments, refunds, webhookEvents } from "@bazaar/db";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceSubOrder } from "../orders/advance-sub-order";
import { cancelMyOrder } from "../orders/cancel-my-order";
import { getMyOrder } from "../orders/get-my-order";
import { createTestContext, rejects, type TestContext } from "../testing";
import { orderFixture } from "../testing/order-fixture";
import { type RazorpayStub, startRazorpayStub } from "../testing/razorpay-stub";
import { confirmPayment } from "./confirm-payment";
import type { FakeWebhook } from "./dev-gateway/fake-razorpay";
import { expireOrder } from "./expire-order";
import { signCheckout, signWebhook } from "./gateway";
import { processRefund } from "./process-refund";
import { createRazorpayGateway } from "./razorpay-gateway";
import { receiveRazorpayWebhook } from "./receive-razorpay-webhook";
import { reconcilePayments } from "./reconcile-payments";

const KEYS = {
  keyId: "rzp_test_StubKey123",
  keySecret: "stub-key-secret",
  webhookSecret: "stub-webhook-secret",
};
let stub: RazorpayStub;
let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
let shop: Awaited<ReturnType<ReturnType<typeof orderFixture>["shop"]>>;
const warnings: string[] = [];

/** A customer with one online order for `qty` units, and the gateway order it is paid against. */
async function onlineOrder(price = 50_000, qty = 1) {
  const v = await fx.variant(shop, price, 5);
  const buyer = await fx.customer();
  const order = await fx.checkout(buyer, [[v.id, qty]], "razorpay");
  return { v, buyer, order, gatewayOrderId: order.payment!.razorpayOrderId };
}

/** What Razorpay would POST for an event: the raw body, its signature and event id. */
const delivery = (w: FakeWebhook, secret = KEYS.webhookSecret) => {
  const rawBody = JSON.stringify(w.event);
  return { rawBody, signature: signWebhook(secret, rawBody), eventId: w.eventId };
};

beforeAll(async () => {
  stub = await startRazorpayStub({ keyId: KEYS.keyId, keySecret: KEYS.keySecret });
  t = await createTestContext({ payments: createRazorpayGateway({ ...KEYS, apiUrl: stub.url }) });
  t.deps.log = { ...t.deps.log, warn: (_o: object, msg?: string) => void warnings.push(msg ?? "") };
  fx = orderFixture(t);
  shop = await fx.shop("Ravi Textiles", "Gujarat");
});
afterAll(async () => {
  await t.close();
  await stub.close();
});

describe("online payment through the Razorpay SDK", () => {
  it("creates a Razorpay order for the total in paise with our order id as receipt", async () => {
    const { order, gatewayOrderId } = await onlineOrder(123_456);
    expect(order).toMatchObject({ paymentStatus: "pending", total: 123_456 });
    expect(order.subOrders.map((s) => s.status)).toEqual(["placed"]);
    expect(order.payment).toMatchObject({
      gateway: "razorpay",
      keyId: KEYS.keyId,
      amount: 123_456,
      currency: "INR",
      checkoutUrl: null,
    });
    const created = stub.fake.fetchOrder(gatewayOrderId);
    expect([created.amount, created.receipt, created.currency]).toEqual([123_456, order.id, "INR"]);
  });

  it("marks the order paid once on a valid confirmation, however many times it arrives", async () => {
    const { buyer, order, gatewayOrderId } = await onlineOrder();
    const { payment } = stub.fake.pay(gatewayOrderId, { succeed: true });
    const input = {
      razorpayOrderId: gatewayOrderId,
      razorpayPaymentId: payment.id,
      signature: signCheckout(KEYS.keySecret, gatewayOrderId, payment.id),
    };
    const paid = await confirmPayment(t.deps, buyer.actor, input);
    expect([paid.paymentStatus, paid.subOrders[0]!.status, paid.payment]).toEqual([
      "paid",
      "confirmed",
      null,
    ]);
    const again = await Promise.all([
      confirmPayment(t.deps, buyer.actor, input),
      confirmPayment(t.deps, buyer.actor, input),
    ]);
    expect(again.map((o) => o.paymentStatus)).toEqual(["paid", "paid"]);
    expect(
      (await getMyOrder(t.deps, buyer.actor, { orderId: order.id })).subOrders[0]!.timeline.map((e) => e.to),
    ).toEqual(["placed", "confirmed"]);
    expect((await t.lastEmailTo(buyer.user.email)).subject).toBe(
      `Payment received for order ${order.number}`,
    );
  });

  it("refuses and logs a bad signature, another order's payment, and a tampered amount", async () => {
    const { buyer, gatewayOrderId } = await onlineOrder(40_000);
    const { payment } = stub.fake.pay(gatewayOrderId, { succeed: true });
    const forged = await rejects(
      confirmPayment(t.deps, buyer.actor, {
        razorpayOrderId: gatewayOrderId,
        razorpayPaymentId: payment.id,
        signature: signCheckout("guess", gatewayOrderId, payment.id),
      }),
    );
    expect([forged.reason, forged.details?.fieldErrors]).toEqual([
      "payment.bad_signature",
      { signature: ["The payment signature does not match"] },
    ]);
    // A real, correctly signed payment — but for a different (cheaper) order of the same buyer.
    const cheap = await onlineOrder(100);
    const cheapPay = stub.fake.pay(cheap.gatewayOrderId, { succeed: true }).payment;
    const swapped = await rejects(
      confirmPayment(t.deps, cheap.buyer.actor, {
        razorpayOrderId: cheap.gatewayOrderId,
        razorpayPaymentId: payment.id,
        signature: signCheckout(KEYS.keySecret, cheap.gatewayOrderId, payment.id),
      }),
    );
    expect(swapped.reason).toBe("payment.order_mismatch");
    // Our record says one amount, the gateway another: never paid.
    await t.deps.db
      .update(payments)
      .set({ amount: 39_999 })
      .where(eq(payments.providerOrderId, gatewayOrderId));
    const amount = await rejects(
      confirmPayment(t.deps, buyer.actor, {
        razorpayOrderId: gatewayOrderId,
        razorpayPaymentId: payment.id,
        signature: signCheckout(KEYS.keySecret, gatewayOrderId, payment.id),
      }),
    );
    expect(amount.reason).toBe("payment.amount_mismatch");
    expect(warnings).toEqual(
      expect.arrayContaining([
        "payment confirmation with a bad signature refused",
        "payment confirmation refused: amount mismatch",
      ]),
    );
    // Nor can a customer confirm someone else's payment.
    expect(
      (
        await rejects(
          confirmPayment(t.deps, buyer.actor, {
            razorpayOrderId: cheap.gatewayOrderId,
            razorpayPaymentId: cheapPay.id,
            signature: "a".repeat(64),
          }),
        )
      ).reason,
    ).toBe("payment.not_found");
  });
});

describe("webhooks", () => {
  it("settles an order from payment.captured and ignores the replay", async () => {
    const { buyer, order, gatewayOrderId } = await onlineOrder();
    const { webhooks } = stub.fake.pay(gatewayOrderId, { succeed: true });
    const captured = delivery(webhooks[0]!);
    expect(await receiveRazorpayWebhook(t.deps, captured)).toEqual({ accepted: true, duplicate: false });
    expect(await receiveRazorpayWebhook(t.deps, captured)).toEqual({ accepted: true, duplicate: true });
    await receiveRazorpayWebhook(t.deps, delivery(webhooks[1]!)); // order.paid for the same payment
    await t.drain();
    const o = await getMyOrder(t.deps, buyer.actor, { orderId: order.id });
    expect([o.paymentStatus, o.subOrders[0]!.timeline.filter((e) => e.to === "confirmed").length]).toEqual([
      "paid",
      1,
    ]);
    const [stored] = await t.deps.db
      .select({ n: count() })
      .from(webhookEvents)
      .where(eq(webhookEvents.id, captured.eventId));
    expect(stored!.n).toBe(1);
  });

  it("refuses a forged or altered webhook and stores nothing", async () => {
    const { order, gatewayOrderId } = await onlineOrder();
    const { webhooks } = stub.fake.pay(gatewayOrderId, { succeed: true });
    const real = delivery(webhooks[0]!);
    for (const bad of [
      { ...real, signature: signWebhook("not-our-secret", real.rawBody) },
      { ...real, rawBody: real.rawBody.replace(`"amount":${order.total}`, `"amount":${order.total + 1}`) },
      { ...real, signature: null },
    ])
      expect((await rejects(receiveRazorpayWebhook(t.deps, bad))).reason).toBe("webhook.bad_signature");
    const [stored] = await t.deps.db
      .select({ n: count() })
      .from(webhookEvents)
      .where(eq(webhookEvents.id, real.eventId));
    expect(stored!.n).toBe(0);
    const [o] = await t.deps.db.select().from(orders).where(eq(orders.id, order.id));
    expect(o!.paymentStatus).toBe("pending");
  });

  it("notes a failed attempt and keeps the order open for another", async () => {
    const { buyer, order, gatewayOrderId } = await onlineOrder();
    const { webhooks } = stub.fake.pay(gatewayOrderId, { succeed: false });
    await receiveRazorpayWebhook(t.deps, delivery(webhooks[0]!));
    await t.drain();
    const [p] = await t.deps.db.select().from(payments).where(eq(payments.providerOrderId, gatewayOrderId));
    expect(p!.failureReason).toMatch(/declined by the bank/);
    expect((await getMyOrder(t.deps, buyer.actor, { orderId: order.id })).paymentStatus).toBe("pending");
  });
});

describe("orders that are never paid", () => {
  it("expire after the window: stock back, the customer told", async () => {
    const { v, buyer, order } = await onlineOrder(20_000, 2);
    expect(await fx.stockOf(v.id)).toBe(3);
    expect(await expireOrder(t.deps, order.id)).toBe("not_due");
    t.advance(31 * 60_000);
    expect(await expireOrder(t.deps, order.id)).toBe("expired");
    expect(await expireOrder(t.deps, order.id)).toBe("not_pending");
    const o = await getMyOrder(t.deps, buyer.actor, { orderId: order.id });
    expect([o.paymentStatus, o.subOrders[0]!.status, o.subOrders[0]!.cancelReason]).toEqual([
      "expired",
      "cancelled",
      "Payment not received in time",
    ]);
    expect(await fx.stockOf(v.id)).toBe(5);
    expect((await t.lastEmailTo(buyer.user.email)).subject).toBe(`Order ${order.number} cancelled`);
  });

  it("are paid after all when the gateway says so at expiry, and a payment after expiry is refunded", async () => {
    const first = await onlineOrder();
    stub.fake.pay(first.gatewayOrderId, { succeed: true }); // the webhook is lost
    t.advance(31 * 60_000);
    expect(await expireOrder(t.deps, first.order.id)).toBe("paid_after_all");

    const late = await onlineOrder(30_000);
    t.advance(31 * 60_000);
    expect(await expireOrder(t.deps, late.order.id)).toBe("expired");
    // The customer's bank finally captures it: the webhook arrives after the order closed.
    const { webhooks } = stub.fake.pay(late.gatewayOrderId, { succeed: true });
    await receiveRazorpayWebhook(t.deps, delivery(webhooks[0]!));
    await t.drain();
    const [r] = await t.deps.db.select().from(refunds).where(eq(refunds.orderId, late.order.id));
    // The whole payment comes back: goods and shipping.
    expect([r?.amount, r?.status]).toEqual([34_900, "processed"]);
    expect(stub.fake.fetchPayment(webhooks[0]!.event.payload.payment!.entity.id).status).toBe("refunded");
  });
  it("expire even when the gateway has forgotten the order (the dev gateway after a restart)", async () => {
    const { v, order, gatewayOrderId } = await onlineOrder(10_000, 1);
    stub.fake.reset();
    t.advance(31 * 60_000);
    expect(await expireOrder(t.deps, order.id)).toBe("expired");
    expect(await fx.stockOf(v.id)).toBe(5);
    expect(gatewayOrderId).toMatch(/^order_/);
  });
});

describe("reconciliation", () => {
  it("settles a payment whose webhook never came, and says so", async () => {
    const { buyer, order, gatewayOrderId } = await onlineOrder();
    stub.fake.pay(gatewayOrderId, { succeed: true });
    const infos: string[] = [];
    t.deps.log = { ...t.deps.log, info: (_o: object, msg?: string) => void infos.push(msg ?? "") };
    // Too fresh to ask about yet.
    await reconcilePayments(t.deps);
    expect((await getMyOrder(t.deps, buyer.actor, { orderId: order.id })).paymentStatus).toBe("pending");
    t.advance(16 * 60_000);
    const fixed = await reconcilePayments(t.deps);
    expect(fixed.paid).toBeGreaterThanOrEqual(1);
    expect((await getMyOrder(t.deps, buyer.actor, { orderId: order.id })).paymentStatus).toBe("paid");
    expect(infos).toContain("reconciliation: order was paid, webhook never came");
    expect((await reconcilePayments(t.deps)).paid).toBe(0);
  });
  it("refunds a part its seller cancelled while the order waited for payment, once paid", async () => {
    const other = await fx.shop("Meera Crafts", "Karnataka");
    const a = await fx.variant(shop, 60_000, 5);
    const b = await fx.variant(other, 20_000, 5);
    const buyer = await fx.customer();
    const order = await fx.checkout(
      buyer,
      [
        [a.id, 1],
        [b.id, 1],
      ],
      "razorpay",
    );
    const meerasPart = order.subOrders.find((s) => s.seller.id === other.id)!;
    await advanceSubOrder(t.deps, other.actor, {
      subOrderId: meerasPart.id,
      to: "cancelled",
      note: "Out of brass",
    });
    const gatewayOrderId = order.payment!.razorpayOrderId;
    const { payment } = stub.fake.pay(gatewayOrderId, { succeed: true });
    expect(payment.amount).toBe(order.total);
    await confirmPayment(t.deps, buyer.actor, {
      razorpayOrderId: gatewayOrderId,
      razorpayPaymentId: payment.id,
      signature: signCheckout(KEYS.keySecret, gatewayOrderId, payment.id),
    });
    await t.drain();
    const after = await getMyOrder(t.deps, buyer.actor, { orderId: order.id });
    expect([after.paymentStatus, after.refundedAmount]).toEqual(["partially_refunded", meerasPart.total]);
    expect(after.subOrders.map((s) => s.status).sort()).toEqual(["cancelled", "confirmed"]);
    expect(stub.fake.paymentRefunds(payment.id).map((r) => r.amount)).toEqual([meerasPart.total]);
  });
});

describe("refunds", () => {
  it("refunds a cancelled paid order once through the SDK, even when the job runs twice", async () => {
    const { v, buyer, order, gatewayOrderId } = await onlineOrder(70_000);
    const { payment } = stub.fake.pay(gatewayOrderId, { succeed: true });
    await confirmPayment(t.deps, buyer.actor, {
      razorpayOrderId: gatewayOrderId,
      razorpayPaymentId: payment.id,
      signature: signCheckout(KEYS.keySecret, gatewayOrderId, payment.id),
    });
    const cancelled = await cancelMyOrder(t.deps, buyer.actor, {
      orderId: order.id,
      reason: "Ordered by mistake",
    });
    expect(cancelled.subOrders[0]!.status).toBe("cancelled");
    await t.drain();
    const [refund] = await t.deps.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(await processRefund(t.deps, refund!.id)).toBe("already_processed");
    expect(stub.fake.paymentRefunds(payment.id)).toHaveLength(1);
    const after = await getMyOrder(t.deps, buyer.actor, { orderId: order.id });
    expect([after.paymentStatus, after.refundedAmount, after.subOrders[0]!.refundedAmount]).toEqual([
      "refunded",
      70_000,
      70_000,
    ]);
    expect(await fx.stockOf(v.id)).toBe(5);
    expect((await t.lastEmailTo(buyer.user.email)).subject).toMatch(/^Refund of Rs\. 700\.00/);
  });
});
