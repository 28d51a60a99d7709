import { createServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PaymentGateway } from "../platform/payment-gateway";
import { type RazorpayStub, startRazorpayStub } from "../testing/razorpay-stub";
import { createRazorpayGateway } from "./razorpay-gateway";

// The real razorpay SDK, pointed at a local stub of Razorpay's REST API. Nothing leaves 127.0.0.1.
const credentials = { keyId: "rzp_test_BazaarStubKey1", keySecret: "stub-key-secret-0123456789" };
let stub: RazorpayStub;
let gateway: PaymentGateway;

beforeAll(async () => {
  stub = await startRazorpayStub(credentials);
  gateway = createRazorpayGateway({
    ...credentials,
    webhookSecret: "whsec",
    apiUrl: stub.url,
    timeoutMs: 2_000,
  });
});
afterAll(() => stub.close());
beforeEach(() => stub.reset());

const paidOrder = async (amount = 125_050) => {
  const order = await gateway.createOrder({ amount, receipt: `bz_${amount}` });
  const { payment } = stub.fake.pay(order.id, { succeed: true });
  return { order, payment };
};

describe("Razorpay gateway (real SDK against a local Razorpay stub)", () => {
  it("creates an order in paise with our receipt and notes, authenticated with the key", async () => {
    const order = await gateway.createOrder({
      amount: 125_050,
      receipt: "bz_ord_7f3a",
      notes: { bazaarOrderId: "7f3a" },
    });
    expect(order).toEqual({
      id: expect.stringMatching(/^order_[0-9A-Za-z]{14}$/),
      amount: 125_050,
      currency: "INR",
      receipt: "bz_ord_7f3a",
      status: "created",
    });
    expect(stub.requests).toEqual([
      {
        method: "POST",
        path: "/v1/orders",
        query: {},
        body: { amount: 125_050, currency: "INR", receipt: "bz_ord_7f3a", notes: { bazaarOrderId: "7f3a" } },
        authenticated: true,
      },
    ]);
    expect(stub.fake.fetchOrder(order.id)).toMatchObject({ amount: 125_050, receipt: "bz_ord_7f3a" });
    // An API URL ending in /v1 is the same origin: the SDK adds /v1 itself.
    const withV1 = createRazorpayGateway({ ...credentials, webhookSecret: "w", apiUrl: `${stub.url}/v1/` });
    await expect(withV1.createOrder({ amount: 100, receipt: "bz_v1" })).resolves.toMatchObject({
      amount: 100,
    });
    expect(stub.requests.at(-1)!.path).toBe("/v1/orders");
  });

  it("passes Razorpay's validation refusals on as payment.gateway_rejected", async () => {
    await expect(gateway.createOrder({ amount: 99, receipt: "bz_small" })).rejects.toMatchObject({
      code: "INVALID_STATE",
      reason: "payment.gateway_rejected",
      message: expect.stringContaining("at least INR 1.00"),
      details: { status: 400, field: "amount" },
    });
    await expect(gateway.createOrder({ amount: 100, receipt: "x".repeat(41) })).rejects.toMatchObject({
      reason: "payment.gateway_rejected",
      details: { field: "receipt" },
    });
  });

  it("fetches every payment attempt of an order, and one payment", async () => {
    const order = await gateway.createOrder({ amount: 50_000, receipt: "bz_attempts" });
    expect(await gateway.fetchOrderPayments(order.id)).toEqual([]);
    const failed = stub.fake.pay(order.id, { succeed: false }).payment;
    const captured = stub.fake.pay(order.id, { succeed: true, method: "card" }).payment;

    const payments = await gateway.fetchOrderPayments(order.id);
    expect(payments.map((p) => [p.id, p.status]).sort()).toEqual(
      [
        [failed.id, "failed"],
        [captured.id, "captured"],
      ].sort(),
    );
    const bad = payments.find((p) => p.id === failed.id)!;
    expect(bad).toMatchObject({ orderId: order.id, amount: 50_000, errorReason: "payment_failed" });
    expect(bad.errorDescription).toMatch(/declined by the bank/);

    const one = await gateway.fetchPayment(captured.id);
    expect(one).toEqual({
      id: captured.id,
      orderId: order.id,
      amount: 50_000,
      status: "captured",
      amountRefunded: 0,
      method: "card",
      errorReason: null,
      errorDescription: null,
      createdAt: new Date(captured.created_at * 1000),
    });
    expect(stub.requests.map((r) => `${r.method} ${r.path}`)).toContain(`GET /v1/payments/${captured.id}`);
  });

  it("answers NOT_FOUND for ids Razorpay does not know", async () => {
    await expect(gateway.fetchPayment("pay_00000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
      reason: "payment.gateway_not_found",
    });
    await expect(gateway.fetchOrderPayments("order_00000000000000")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refunds once per idempotency key: called twice, one refund", async () => {
    const { payment } = await paidOrder(80_000);
    const first = await gateway.refund({ paymentId: payment.id, amount: 30_000, idempotencyKey: "rf_key_1" });
    const again = await gateway.refund({ paymentId: payment.id, amount: 30_000, idempotencyKey: "rf_key_1" });
    expect(first).toEqual({
      id: expect.stringMatching(/^rfnd_/),
      paymentId: payment.id,
      amount: 30_000,
      status: "processed",
      receipt: "rf_key_1",
    });
    expect(again).toEqual(first);
    expect(stub.fake.paymentRefunds(payment.id)).toHaveLength(1);
    expect(stub.requests.filter((r) => r.path.endsWith("/refund"))).toHaveLength(1);
    expect(stub.requests.find((r) => r.path.endsWith("/refund"))!.body).toMatchObject({
      amount: 30_000,
      receipt: "rf_key_1",
    });
    // Another key is another refund; the payment's refunded amount adds up.
    await gateway.refund({ paymentId: payment.id, amount: 50_000, idempotencyKey: "rf_key_2" });
    expect(await gateway.fetchPayment(payment.id)).toMatchObject({
      status: "refunded",
      amountRefunded: 80_000,
    });
  });

  it("returns the refund made by a request whose answer was lost, instead of refunding twice", async () => {
    const { payment } = await paidOrder(60_000);
    // Razorpay makes the refund, but the answer never arrives (timeout, reset).
    stub.failNext({ drop: "after", when: (r) => r.method === "POST" && r.path.endsWith("/refund") });
    await expect(
      gateway.refund({ paymentId: payment.id, amount: 60_000, idempotencyKey: "rf_lost" }),
    ).rejects.toMatchObject({ code: "UNAVAILABLE", reason: "payment.gateway_unavailable" });
    const [made] = stub.fake.paymentRefunds(payment.id);
    expect(made).toMatchObject({ receipt: "rf_lost", amount: 60_000 });

    // The caller retries with the same key: it gets that refund, and no second one is made.
    const retried = await gateway.refund({
      paymentId: payment.id,
      amount: 60_000,
      idempotencyKey: "rf_lost",
    });
    expect(retried.id).toBe(made!.id);
    expect(stub.fake.paymentRefunds(payment.id)).toHaveLength(1);
    expect(stub.requests.filter((r) => r.method === "POST" && r.path.endsWith("/refund"))).toHaveLength(1);
  });

  it("pages through all of a payment's refunds to find the key", async () => {
    const { payment } = await paidOrder(1_000_000);
    // 120 earlier refunds: more than one page of 100.
    stub.fake.refund(payment.id, { amount: 100, receipt: "rf_oldest" });
    for (let i = 0; i < 119; i++) stub.fake.refund(payment.id, { amount: 100, receipt: `rf_${i}` });
    const found = await gateway.refund({ paymentId: payment.id, amount: 100, idempotencyKey: "rf_oldest" });
    expect(found.receipt).toBe("rf_oldest");
    expect(stub.fake.paymentRefunds(payment.id)).toHaveLength(120);
    const pages = stub.requests.filter((r) => r.path.endsWith("/refunds"));
    expect(pages.map((r) => r.query)).toEqual([
      { count: "100", skip: "0" },
      { count: "100", skip: "100" },
    ]);
  });

  it("refuses to reuse a refund key for another amount", async () => {
    const { payment } = await paidOrder(40_000);
    await gateway.refund({ paymentId: payment.id, amount: 10_000, idempotencyKey: "rf_same" });
    await expect(
      gateway.refund({ paymentId: payment.id, amount: 20_000, idempotencyKey: "rf_same" }),
    ).rejects.toMatchObject({ code: "CONFLICT", reason: "payment.refund_key_reused" });
    expect(stub.fake.paymentRefunds(payment.id)).toHaveLength(1);
  });

  it("passes on Razorpay's refusal to refund more than was captured, or a failed payment", async () => {
    const { payment } = await paidOrder(40_000);
    await expect(
      gateway.refund({ paymentId: payment.id, amount: 40_001, idempotencyKey: "rf_big" }),
    ).rejects.toMatchObject({
      reason: "payment.gateway_rejected",
      message: expect.stringMatching(/greater than/),
    });
    const order = await gateway.createOrder({ amount: 40_000, receipt: "bz_failed" });
    const failed = stub.fake.pay(order.id, { succeed: false }).payment;
    await expect(
      gateway.refund({ paymentId: failed.id, amount: 100, idempotencyKey: "rf_failed" }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", reason: "payment.gateway_rejected" });
  });

  it("turns bad credentials into a clear payment.gateway_auth_failed", async () => {
    const wrong = createRazorpayGateway({
      keyId: credentials.keyId,
      keySecret: "not-the-secret",
      webhookSecret: "whsec",
      apiUrl: stub.url,
    });
    const err = await wrong.createOrder({ amount: 100, receipt: "bz_auth" }).catch((e) => e);
    expect(err).toMatchObject({
      name: "DomainError",
      code: "UNAVAILABLE",
      reason: "payment.gateway_auth_failed",
      details: { status: 401, description: "Authentication failed" },
    });
    expect(JSON.stringify(err.details)).not.toContain("not-the-secret");
    expect(stub.requests[0]!.authenticated).toBe(false);
  });

  it("answers UNAVAILABLE when Razorpay fails (500) or cannot be reached", async () => {
    stub.failNext({ status: 500 });
    await expect(gateway.createOrder({ amount: 100, receipt: "bz_500" })).rejects.toMatchObject({
      code: "UNAVAILABLE",
      reason: "payment.gateway_unavailable",
      details: { status: 500, gatewayCode: "SERVER_ERROR" },
    });
    // The next call goes through: nothing sticks.
    await expect(gateway.createOrder({ amount: 100, receipt: "bz_after" })).resolves.toMatchObject({
      status: "created",
    });

    stub.failNext({ drop: "before" });
    await expect(gateway.createOrder({ amount: 100, receipt: "bz_reset" })).rejects.toMatchObject({
      code: "UNAVAILABLE",
      details: { status: 0 },
    });

    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
    const unreachable = createRazorpayGateway({
      ...credentials,
      webhookSecret: "whsec",
      apiUrl: `http://127.0.0.1:${closedPort}/v1/`,
    });
    await expect(unreachable.fetchPayment("pay_00000000000000")).rejects.toMatchObject({
      code: "UNAVAILABLE",
      reason: "payment.gateway_unavailable",
      details: { status: 0, gatewayCode: "ECONNREFUSED" },
    });
  });
});
