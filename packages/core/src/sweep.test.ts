import { emails, orders, refunds } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelMyOrder } from "./orders/cancel-my-order";
import { getMyOrder } from "./orders/get-my-order";
import { confirmPayment } from "./payments/confirm-payment";
import { signCheckout, signWebhook } from "./payments/gateway";
import { createRazorpayGateway } from "./payments/razorpay-gateway";
import { receiveRazorpayWebhook } from "./payments/receive-razorpay-webhook";
import { sweep } from "./sweep";
import { createTestContext, type TestContext } from "./testing";
import { orderFixture } from "./testing/order-fixture";
import { type RazorpayStub, startRazorpayStub } from "./testing/razorpay-stub";

const KEYS = {
  keyId: "rzp_test_SweepKey1",
  keySecret: "sweep-key-secret",
  webhookSecret: "sweep-webhook-secret",
};
let stub: RazorpayStub;
let t: TestContext;
let fx: ReturnType<typeof orderFixture>;

beforeAll(async () => {
  stub = await startRazorpayStub({ keyId: KEYS.keyId, keySecret: KEYS.keySecret });
  t = await createTestContext({ payments: createRazorpayGateway({ ...KEYS, apiUrl: stub.url }) });
  fx = orderFixture(t);
});
afterAll(async () => {
  await t.close();
  await stub.close();
});

/** Runs `fn` with the job queue unreachable, as when Redis is down at commit time. */
async function withQueueDown<T>(fn: () => Promise<T>): Promise<T> {
  const queue = t.deps.jobs;
  t.deps.jobs = {
    enqueue: async () => {
      throw new Error("enqueue email.send: Redis did not answer in 2000 ms");
    },
  };
  try {
    return await fn();
  } finally {
    t.deps.jobs = queue;
  }
}

/** Lets the grace period pass, sweeps, and waits for the jobs it queued. */
async function sweepLater() {
  t.advance(t.deps.sweepGraceMs + 1_000);
  const report = await sweep(t.deps);
  await t.drain();
  return report;
}

async function paidOrder(price: number) {
  const shop = await fx.shop(`Sweep Shop ${Math.random().toString(36).slice(2, 6)}`, "Gujarat");
  const v = await fx.variant(shop, price, 5);
  const buyer = await fx.customer();
  const order = await fx.checkout(buyer, [[v.id, 1]], "razorpay");
  const gatewayOrderId = order.payment!.razorpayOrderId;
  return { v, buyer, order, gatewayOrderId };
}

describe("the sweep", () => {
  it("expires an unpaid order whose gateway order was never created, releasing its stock", async () => {
    const shop = await fx.shop("Never Paid Handlooms", "Gujarat");
    const v = await fx.variant(shop, 40_000, 5);
    const buyer = await fx.customer();
    stub.failNext({ status: 503, when: (r) => r.path === "/v1/orders" });
    const order = await fx.checkout(buyer, [[v.id, 2]], "razorpay");
    expect([order.paymentStatus, order.payment]).toEqual(["pending", null]);
    expect(await fx.stockOf(v.id)).toBe(3);

    // Before the window closes, the sweep leaves it alone.
    expect((await sweep(t.deps)).expiredOrders).toBe(0);
    t.advance(t.deps.orders.paymentTimeoutMs + 1_000);
    const report = await sweep(t.deps);
    expect(report.expiredOrders).toBeGreaterThanOrEqual(1);
    const [row] = await t.deps.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row!.paymentStatus).toBe("expired");
    expect(await fx.stockOf(v.id)).toBe(5);
    expect((await getMyOrder(t.deps, buyer.actor, { orderId: order.id })).subOrders[0]!.status).toBe(
      "cancelled",
    );
  });

  it("sends an email whose job was lost, once", async () => {
    const shop = await fx.shop("Lost Mail Pottery");
    const v = await fx.variant(shop, 20_000, 5);
    const buyer = await fx.customer();
    const order = await withQueueDown(() => fx.checkout(buyer, [[v.id, 1]], "cod"));
    const outbox = () =>
      t.deps.db
        .select()
        .from(emails)
        .where(and(eq(emails.to, buyer.user.email), eq(emails.template, "order_placed")));
    expect((await outbox()).map((e) => e.status)).toEqual(["pending"]);

    expect((await sweepLater()).emails).toBeGreaterThanOrEqual(1);
    const [sent] = await outbox();
    expect([sent!.status, sent!.attempts]).toEqual(["sent", 1]);
    await sweepLater();
    const received = t.smtp.received.filter(
      (m) => m.to === buyer.user.email && m.text.includes(order.number),
    );
    expect(received).toHaveLength(1);
  });

  it("acts on a stored webhook whose job was lost, on Razorpay's retry or by the sweep", async () => {
    const retried = await paidOrder(30_000);
    const swept = await paidOrder(31_000);
    const deliveries = [retried, swept].map(({ gatewayOrderId }) => {
      const { webhooks } = stub.fake.pay(gatewayOrderId, { succeed: true });
      const w = webhooks.find((x) => x.event.event === "payment.captured")!;
      const rawBody = JSON.stringify(w.event);
      return { rawBody, signature: signWebhook(KEYS.webhookSecret, rawBody), eventId: w.eventId };
    });
    for (const d of deliveries)
      expect(await withQueueDown(() => receiveRazorpayWebhook(t.deps, d))).toEqual({
        accepted: true,
        duplicate: false,
      });
    const status = async (o: Awaited<ReturnType<typeof paidOrder>>) =>
      (await getMyOrder(t.deps, o.buyer.actor, { orderId: o.order.id })).paymentStatus;
    expect(await status(retried)).toBe("pending");

    // Razorpay delivers again: stored already, but never acted on, so it is queued now.
    expect(await receiveRazorpayWebhook(t.deps, deliveries[0]!)).toEqual({ accepted: true, duplicate: true });
    await t.drain();
    expect(await status(retried)).toBe("paid");
    expect(await status(swept)).toBe("pending");
    expect((await sweepLater()).webhooks).toBeGreaterThanOrEqual(1);
    expect(await status(swept)).toBe("paid");
  });

  it("sends a refund whose job was lost to the gateway, once", async () => {
    const { buyer, order, gatewayOrderId } = await paidOrder(55_000);
    const { payment } = stub.fake.pay(gatewayOrderId, { succeed: true });
    await confirmPayment(t.deps, buyer.actor, {
      razorpayOrderId: gatewayOrderId,
      razorpayPaymentId: payment.id,
      signature: signCheckout(KEYS.keySecret, gatewayOrderId, payment.id),
    });
    await withQueueDown(() =>
      cancelMyOrder(t.deps, buyer.actor, { orderId: order.id, reason: "Changed my mind" }),
    );
    const [booked] = await t.deps.db.select().from(refunds).where(eq(refunds.orderId, order.id));
    expect([booked!.status, stub.fake.paymentRefunds(payment.id)]).toEqual(["pending", []]);

    expect((await sweepLater()).refunds).toBeGreaterThanOrEqual(1);
    await sweepLater();
    expect(stub.fake.paymentRefunds(payment.id).map((r) => r.amount)).toEqual([55_000]);
    expect((await getMyOrder(t.deps, buyer.actor, { orderId: order.id })).paymentStatus).toBe("refunded");
  });
});
