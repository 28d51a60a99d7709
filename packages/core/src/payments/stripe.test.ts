import { randomUUID } from "node:crypto";
import { orders, payments, refunds, webhookEvents } from "@bazaar/db";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { placeOrder } from "../checkout";
import { advanceSubOrder } from "../orders/advance-sub-order";
import { cancelMyOrder } from "../orders/cancel-my-order";
import { getMyOrder } from "../orders/get-my-order";
import type { StripeGateway } from "../platform/payment-gateway";
import { approveReturn } from "../returns/approve-return";
import { getMyReturn } from "../returns/get-my-return";
import { receiveReturn } from "../returns/receive-return";
import { requestReturn } from "../returns/request-return";
import { createTestContext, rejects, type TestContext } from "../testing";
import { orderFixture } from "../testing/order-fixture";
import { type StripeStub, startStripeStub } from "../testing/stripe-stub";
import { confirmStripePayment } from "./confirm-stripe-payment";
import { getPaymentGateways, getPaymentOptions } from "./payment-gateways";
import { processRefund } from "./process-refund";
import { receiveStripeWebhook } from "./receive-stripe-webhook";
import { reconcilePayments } from "./reconcile-payments";
import { setPaymentGateways } from "./set-payment-gateways";
import { createStripeGateway } from "./stripe-gateway";

// The real stripe SDK, pointed at a local stub of Stripe's API. Nothing leaves 127.0.0.1.
const KEYS = {
  secretKey: "sk_test_BazaarStub123",
  publishableKey: "pk_test_BazaarStub123",
  webhookSecret: "whsec_BazaarStubSecret",
};
let stub: StripeStub;
let stripe: StripeGateway;
let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
let shop: Awaited<ReturnType<ReturnType<typeof orderFixture>["shop"]>>;
const warnings: string[] = [];

/** A customer with one Stripe order, and its PaymentIntent's id. */
async function stripeOrder(price = 50_000) {
  const v = await fx.variant(shop, price, 5);
  const buyer = await fx.customer();
  await fx.fill(buyer, [[v.id, 1]]);
  const order = await placeOrder(t.deps, buyer.actor, {
    addressId: buyer.addressId,
    paymentMethod: "stripe",
    idempotencyKey: `k-${randomUUID()}`,
  });
  return { v, buyer, order, intentId: order.payment!.razorpayOrderId };
}

const webhook = (d: { body: string; signature: string }) =>
  receiveStripeWebhook(t.deps, { rawBody: Buffer.from(d.body), signature: d.signature });

const orderRow = async (id: string) => (await t.deps.db.select().from(orders).where(eq(orders.id, id)))[0]!;

beforeAll(async () => {
  stub = await startStripeStub(KEYS);
  stripe = createStripeGateway({ ...KEYS, apiUrl: stub.url, timeoutMs: 2_000 });
  t = await createTestContext({ stripe });
  t.deps.log = { ...t.deps.log, warn: (_o: object, msg?: string) => void warnings.push(msg ?? "") };
  fx = orderFixture(t);
  shop = await fx.shop("Ravi Textiles", "Gujarat");
});
afterAll(async () => {
  await t.close();
  await stub.close();
});

describe("Stripe: paying", () => {
  it("creates one PaymentIntent in INR paise, keyed by our order, and hands the client its secret", async () => {
    const { order, intentId } = await stripeOrder(123_456);
    expect(order).toMatchObject({ paymentMethod: "stripe", paymentStatus: "pending", total: 123_456 });
    const intent = stub.intents.get(intentId)!;
    expect([intent.amount, intent.currency, intent.metadata.orderId]).toEqual([123_456, "inr", order.id]);
    const create = stub.requests.find(
      (r) =>
        r.path === "/v1/payment_intents" &&
        r.method === "POST" &&
        r.body.metadata &&
        (r.body.metadata as Record<string, string>).orderId === order.id,
    )!;
    expect(create).toMatchObject({ authenticated: true, idempotencyKey: `pi-${order.id}` });
    expect(order.payment).toMatchObject({
      gateway: "stripe",
      amount: 123_456,
      currency: "INR",
      checkoutUrl: null,
      stripe: {
        publishableKey: KEYS.publishableKey,
        clientSecret: intent.client_secret,
        paymentIntentId: intentId,
      },
    });
    const [row] = await t.deps.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect([row!.provider, row!.providerOrderId]).toEqual(["stripe", intentId]);
  });

  it("settles from payment_intent.succeeded once, however often Stripe delivers it", async () => {
    const { buyer, order, intentId } = await stripeOrder();
    const succeeded = stub.pay(intentId);
    expect(await webhook(succeeded)).toEqual({ accepted: true, duplicate: false });
    expect(await webhook(succeeded)).toEqual({ accepted: true, duplicate: true });
    await t.drain();
    expect(await webhook(succeeded)).toEqual({ accepted: true, duplicate: true });
    await t.drain();
    const o = await getMyOrder(t.deps, buyer.actor, { orderId: order.id });
    expect([o.paymentStatus, o.payment, o.subOrders[0]!.status]).toEqual(["paid", null, "confirmed"]);
    expect(o.subOrders[0]!.timeline.filter((e) => e.to === "confirmed")).toHaveLength(1);
    const [stored] = await t.deps.db
      .select({ n: count() })
      .from(webhookEvents)
      .where(eq(webhookEvents.id, `stripe:${succeeded.eventId}`));
    expect(stored!.n).toBe(1);
    expect((await t.lastEmailTo(buyer.user.email, { subject: /Payment received/i })).text).toContain(
      order.number,
    );
  });

  it("refuses a webhook with a bad signature, a tampered body or none, and changes nothing", async () => {
    const { order, intentId } = await stripeOrder();
    const real = stub.pay(intentId);
    const forged = stub.delivery("payment_intent.succeeded", stub.intents.get(intentId), "whsec_NotOurs");
    for (const bad of [
      { body: real.body, signature: forged.signature },
      {
        body: real.body.replace('"amount_received": 50000', '"amount_received": 1'),
        signature: real.signature,
      },
      { body: forged.body, signature: forged.signature },
    ]) {
      const e = await rejects(webhook(bad));
      expect([e.code, e.reason]).toEqual(["VALIDATION", "webhook.bad_signature"]);
    }
    const none = await rejects(receiveStripeWebhook(t.deps, { rawBody: real.body, signature: null }));
    expect(none.reason).toBe("webhook.bad_signature");
    const [stored] = await t.deps.db
      .select({ n: count() })
      .from(webhookEvents)
      .where(eq(webhookEvents.id, `stripe:${real.eventId}`));
    expect(stored!.n).toBe(0);
    await t.drain();
    expect((await orderRow(order.id)).paymentStatus).toBe("pending");
    expect(warnings).toContain("Stripe webhook with a bad signature refused");
  });

  it("notes payment_intent.payment_failed and keeps the order open for another card", async () => {
    const { buyer, order, intentId } = await stripeOrder();
    await webhook(stub.decline(intentId, "Your card has insufficient funds."));
    await t.drain();
    const [row] = await t.deps.db.select().from(payments).where(eq(payments.orderId, order.id));
    expect([row!.status, row!.failureReason]).toEqual(["created", "Your card has insufficient funds."]);
    const o = await getMyOrder(t.deps, buyer.actor, { orderId: order.id });
    expect(o.paymentStatus).toBe("pending");
    expect(o.payment?.stripe?.clientSecret).toBe(stub.intents.get(intentId)!.client_secret);
    // Another card works on the same intent.
    await webhook(stub.pay(intentId));
    await t.drain();
    expect((await orderRow(order.id)).paymentStatus).toBe("paid");
  });

  it("confirms on return only what Stripe says, not what the browser says", async () => {
    const { buyer, order, intentId } = await stripeOrder();
    // Back from the Payment Element before paying (or claiming success): still waiting.
    expect((await confirmStripePayment(t.deps, buyer.actor, { orderId: order.id })).paymentStatus).toBe(
      "pending",
    );
    stub.pay(intentId); // the webhook is never delivered
    const paid = await confirmStripePayment(t.deps, buyer.actor, { orderId: order.id });
    expect([paid.paymentStatus, paid.subOrders[0]!.status]).toEqual(["paid", "confirmed"]);
    expect((await confirmStripePayment(t.deps, buyer.actor, { orderId: order.id })).paymentStatus).toBe(
      "paid",
    );
    const other = await fx.customer();
    const e = await rejects(confirmStripePayment(t.deps, other.actor, { orderId: order.id }));
    expect([e.code, e.reason]).toEqual(["NOT_FOUND", "order.not_found"]);
    const v = await fx.variant(shop, 10_000, 5);
    const cod = await fx.checkout(other, [[v.id, 1]], "cod");
    const notCard = await rejects(confirmStripePayment(t.deps, other.actor, { orderId: cod.id }));
    expect([notCard.code, notCard.reason]).toEqual(["INVALID_STATE", "payment.not_stripe"]);
  });

  it("refuses to settle an intent paid for a different amount", async () => {
    const { buyer, order, intentId } = await stripeOrder();
    stub.pay(intentId, { amount: 100 });
    const e = await rejects(confirmStripePayment(t.deps, buyer.actor, { orderId: order.id }));
    expect([e.code, e.reason]).toEqual(["INVALID_STATE", "payment.amount_mismatch"]);
    expect((await orderRow(order.id)).paymentStatus).toBe("pending");
  });

  it("reconciliation settles a paid intent whose webhook was lost", async () => {
    const { buyer, order, intentId } = await stripeOrder();
    stub.pay(intentId);
    await reconcilePayments(t.deps);
    expect((await orderRow(order.id)).paymentStatus).toBe("pending"); // too fresh to ask about
    t.advance(16 * 60_000);
    const fixed = await reconcilePayments(t.deps);
    expect(fixed.paid).toBeGreaterThanOrEqual(1);
    expect((await getMyOrder(t.deps, buyer.actor, { orderId: order.id })).paymentStatus).toBe("paid");
    expect((await reconcilePayments(t.deps)).paid).toBe(0);
  });
});

describe("Stripe: refunds", () => {
  it("refunds a cancelled Stripe order once, with an idempotency key, even when the job runs twice", async () => {
    const { v, buyer, order, intentId } = await stripeOrder(70_000);
    await webhook(stub.pay(intentId));
    await t.drain();
    await cancelMyOrder(t.deps, buyer.actor, { orderId: order.id, reason: "Ordered by mistake" });
    await t.drain();
    const [refund] = await t.deps.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    expect(refund!.status).toBe("processed");
    expect(await processRefund(t.deps, refund!.id)).toBe("already_processed");
    const sent = [...stub.refunds.values()].filter((r) => r.payment_intent === intentId);
    expect(sent.map((r) => [r.amount, r.metadata.idempotencyKey])).toEqual([
      [70_000, refund!.idempotencyKey],
    ]);
    const create = stub.requests.find(
      (r) => r.path === "/v1/refunds" && r.method === "POST" && r.body.payment_intent === intentId,
    );
    expect(create!.idempotencyKey).toBe(`refund-${refund!.idempotencyKey}`);
    const after = await getMyOrder(t.deps, buyer.actor, { orderId: order.id });
    expect([after.paymentStatus, after.refundedAmount]).toEqual(["refunded", 70_000]);
    expect(await fx.stockOf(v.id)).toBe(5);
  });

  it("a pending refund is marked done by charge.refunded, once", async () => {
    const { buyer, order, intentId } = await stripeOrder(30_000);
    await webhook(stub.pay(intentId));
    await t.drain();
    stub.setRefundStatus("pending");
    try {
      await cancelMyOrder(t.deps, buyer.actor, { orderId: order.id, reason: "Found it cheaper" });
      await t.drain();
    } finally {
      stub.setRefundStatus("succeeded");
    }
    const [pending] = await t.deps.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    expect([pending!.status, pending!.providerRefundId]).toEqual(["pending", expect.stringMatching(/^re_/)]);
    const refunded = stub.settleRefunds(intentId);
    await webhook(refunded);
    await webhook(refunded);
    await t.drain();
    const after = await getMyOrder(t.deps, buyer.actor, { orderId: order.id });
    expect([after.paymentStatus, after.refundedAmount]).toEqual(["refunded", order.total]);
  });
});

describe("Stripe: returns", () => {
  it("refunds an approved and received return of a Stripe-paid order through Stripe, once", async () => {
    const { buyer, order, intentId } = await stripeOrder(60_000);
    await webhook(stub.pay(intentId));
    await t.drain();
    const sub = order.subOrders[0]!;
    for (const to of ["packed", "shipped", "out_for_delivery", "delivered"] as const)
      await advanceSubOrder(t.deps, shop.actor, {
        subOrderId: sub.id,
        to,
        ...(to === "shipped" && { carrier: "Delhivery", trackingNumber: "DL12345678" }),
      });
    const item = sub.items[0]!;
    const r = await requestReturn(t.deps, buyer.actor, {
      subOrderId: sub.id,
      lines: [{ orderItemId: item.id, qty: 1, reason: "damaged" }],
    });
    await approveReturn(t.deps, shop.actor, { id: r.id });
    await receiveReturn(t.deps, shop.actor, { id: r.id, lines: [{ orderItemId: item.id, restock: true }] });
    await t.drain();
    const [booked] = await t.deps.db.select().from(refunds).where(eq(refunds.returnId, r.id));
    expect(await processRefund(t.deps, booked!.id)).toBe("already_processed");
    const sent = [...stub.refunds.values()].filter((x) => x.payment_intent === intentId);
    expect(sent.map((x) => [x.amount, x.metadata.idempotencyKey])).toEqual([[booked!.amount, `r-${r.id}`]]);
    const after = await getMyReturn(t.deps, buyer.actor, { id: r.id });
    expect([after.status, after.refundStatus]).toEqual(["refunded", "paid"]);
    expect((await getMyOrder(t.deps, buyer.actor, { orderId: order.id })).refundedAmount).toBe(
      booked!.amount,
    );
  });
});

describe("Stripe: errors", () => {
  it("maps a declined card, an outage, refused keys and an unknown intent to our errors", async () => {
    const cases: [Parameters<StripeStub["fail"]>[0], string, string][] = [
      [
        {
          status: 402,
          type: "card_error",
          code: "card_declined",
          declineCode: "generic_decline",
          message: "Your card was declined.",
        },
        "INVALID_STATE",
        "payment.card_declined",
      ],
      [{ status: 500, type: "api_error" }, "UNAVAILABLE", "payment.gateway_unavailable"],
      [{ status: 401, type: "invalid_request_error" }, "UNAVAILABLE", "payment.gateway_auth_failed"],
    ];
    for (const [failure, code, reason] of cases) {
      // Twice: the SDK retries a 5xx once (safe: the create carries an idempotency key).
      const times = "status" in failure && failure.status >= 500 ? 2 : 1;
      for (let i = 0; i < times; i++)
        stub.fail({ ...failure, when: (r) => r.path === "/v1/payment_intents" });
      const e = await rejects(stripe.createOrder({ amount: 10_000, receipt: randomUUID() }));
      expect([e.code, e.reason]).toEqual([code, reason]);
    }
    const missing = await rejects(stripe.fetchPayment("pi_DoesNotExist"));
    expect([missing.code, missing.reason]).toEqual(["NOT_FOUND", "payment.gateway_not_found"]);
    const wrongKey = createStripeGateway({ ...KEYS, secretKey: "sk_test_Wrong", apiUrl: stub.url });
    expect((await rejects(wrongKey.fetchPayment("pi_x"))).reason).toBe("payment.gateway_auth_failed");
  });

  it("a refund whose answer was lost is not made twice, and its key cannot be reused for another amount", async () => {
    const intent = await stripe.createOrder({ amount: 25_000, receipt: randomUUID() });
    stub.pay(intent.id);
    // Stripe makes the refund but the answer never arrives; the SDK retries with the same key.
    stub.fail({ drop: "after", when: (r) => r.path === "/v1/refunds" && r.method === "POST" });
    const refund = await stripe.refund({
      paymentId: intent.id,
      amount: 10_000,
      idempotencyKey: "c-lost-answer",
    });
    expect(refund).toMatchObject({
      paymentId: intent.id,
      amount: 10_000,
      status: "processed",
      receipt: "c-lost-answer",
    });
    expect(
      await stripe.refund({ paymentId: intent.id, amount: 10_000, idempotencyKey: "c-lost-answer" }),
    ).toEqual(refund);
    const other = await rejects(
      stripe.refund({ paymentId: intent.id, amount: 5_000, idempotencyKey: "c-lost-answer" }),
    );
    expect([other.code, other.reason]).toEqual(["CONFLICT", "payment.refund_key_reused"]);
    expect([...stub.refunds.values()].filter((r) => r.payment_intent === intent.id)).toHaveLength(1);
  });

  it("a succeeded webhook for another amount settles nothing; Stripe unconfigured refuses webhooks", async () => {
    const { order, intentId } = await stripeOrder();
    const paid = stub.pay(intentId, { amount: 100 });
    await webhook(paid);
    await t.drain();
    expect((await orderRow(order.id)).paymentStatus).toBe("pending");
    expect(warnings).toContain("Stripe webhook amount mismatch; not settled");
    const { stripe: _s, ...noStripe } = t.deps;
    const e = await rejects(
      receiveStripeWebhook(noStripe, { rawBody: paid.body, signature: paid.signature }),
    );
    expect([e.code, e.reason]).toEqual(["NOT_FOUND", "payment.gateway_not_configured"]);
  });

  it("an order whose intent could not be created stands, and paying again creates it", async () => {
    const v = await fx.variant(shop, 40_000, 5);
    const buyer = await fx.customer();
    await fx.fill(buyer, [[v.id, 1]]);
    stub.fail({ status: 503, type: "api_error", when: (r) => r.path === "/v1/payment_intents" });
    stub.fail({ status: 503, type: "api_error", when: (r) => r.path === "/v1/payment_intents" });
    const order = await placeOrder(t.deps, buyer.actor, {
      addressId: buyer.addressId,
      paymentMethod: "stripe",
      idempotencyKey: `k-${randomUUID()}`,
    });
    expect([order.paymentStatus, order.payment]).toEqual(["pending", null]);
    const { payMyOrder } = await import("./pay-my-order");
    const again = await payMyOrder(t.deps, buyer.actor, { orderId: order.id });
    expect(again.payment).toMatchObject({ gateway: "stripe", amount: order.total });
  });
});

describe("which gateways are on", () => {
  let admin: { userId: string; role: "admin"; sessionId: string };
  beforeAll(async () => {
    admin = { ...(await fx.customer()).actor, role: "admin" };
  });

  it("an admin turns Stripe off: checkout stops offering it and placeOrder refuses it by name", async () => {
    const v = await fx.variant(shop, 20_000, 5);
    const buyer = await fx.customer();
    await fx.fill(buyer, [[v.id, 1]]);
    expect((await getPaymentOptions(t.deps)).methods).toEqual(["razorpay", "stripe", "cod"]);
    try {
      const set = await setPaymentGateways(t.deps, admin, { stripe: false });
      expect(set.gateways.find((g) => g.method === "stripe")).toMatchObject({
        enabled: false,
        configured: true,
        offered: false,
      });
      expect(await getPaymentOptions(t.deps)).toEqual({ methods: ["razorpay", "cod"], stripe: null });
      const e = await rejects(
        placeOrder(t.deps, buyer.actor, {
          addressId: buyer.addressId,
          paymentMethod: "stripe",
          idempotencyKey: `k-${randomUUID()}`,
        }),
      );
      expect([e.code, e.reason, Object.keys(e.details?.fieldErrors ?? {})]).toEqual([
        "VALIDATION",
        "checkout.payment_method_off",
        ["paymentMethod"],
      ]);
      // Nothing was written: the cart is still there to pay another way.
      const cod = await placeOrder(t.deps, buyer.actor, {
        addressId: buyer.addressId,
        paymentMethod: "cod",
        idempotencyKey: `k-${randomUUID()}`,
      });
      expect(cod.paymentStatus).toBe("cod_pending");
    } finally {
      await setPaymentGateways(t.deps, admin, { stripe: true });
    }
    expect((await getPaymentOptions(t.deps)).stripe).toEqual({ publishableKey: KEYS.publishableKey });
  });

  it("Stripe cannot be turned on where it has no keys, and is never offered there", async () => {
    const { stripe: _configured, ...noStripe } = t.deps;
    const e = await rejects(setPaymentGateways(noStripe, admin, { stripe: true }));
    expect([e.code, e.reason, Object.keys(e.details?.fieldErrors ?? {})]).toEqual([
      "VALIDATION",
      "payment.gateway_not_configured",
      ["stripe"],
    ]);
    expect((await getPaymentGateways(noStripe)).gateways.find((g) => g.method === "stripe")).toMatchObject({
      configured: false,
      offered: false,
    });
    expect((await getPaymentOptions(noStripe)).methods).toEqual(["razorpay", "cod"]);
    const v = await fx.variant(shop, 20_000, 5);
    const buyer = await fx.customer();
    await fx.fill(buyer, [[v.id, 1]]);
    const refused = await rejects(
      placeOrder(noStripe, buyer.actor, {
        addressId: buyer.addressId,
        paymentMethod: "stripe",
        idempotencyKey: `k-${randomUUID()}`,
      }),
    );
    expect(refused.reason).toBe("checkout.payment_method_off");
  });

  it("keeps at least one way to pay on, and audits each change", async () => {
    const before = await getPaymentGateways(t.deps);
    const e = await rejects(
      setPaymentGateways(t.deps, admin, { razorpay: false, stripe: false, cod: false }),
    );
    expect([e.code, e.reason]).toEqual(["VALIDATION", "payment.no_method_left"]);
    expect(await getPaymentGateways(t.deps)).toEqual(before);
    await expect(setPaymentGateways(t.deps, admin, {})).rejects.toThrow(/razorpay, stripe or cod/);
  });
});
