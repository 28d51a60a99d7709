import { describe, expect, it } from "vitest";
import { createFakeRazorpay } from "./fake-razorpay";

describe("fake Razorpay", () => {
  it("moves an order created → attempted → paid and counts attempts", () => {
    const fake = createFakeRazorpay({ now: () => new Date("2026-11-22T10:00:00Z") });
    const order = fake.createOrder({ amount: 10_000, receipt: "r1" });
    expect(order).toMatchObject({ status: "created", attempts: 0, amount_due: 10_000, notes: [] });
    expect(order.created_at).toBe(Date.parse("2026-11-22T10:00:00Z") / 1000);
    fake.pay(order.id, { succeed: false });
    expect(fake.fetchOrder(order.id)).toMatchObject({ status: "attempted", attempts: 1, amount_paid: 0 });
    fake.pay(order.id, { succeed: true });
    expect(fake.fetchOrder(order.id)).toMatchObject({
      status: "paid",
      attempts: 2,
      amount_paid: 10_000,
      amount_due: 0,
    });
    expect(() => fake.pay(order.id, { succeed: true })).toThrow(
      /^400 BAD_REQUEST_ERROR: Order has already been paid$/,
    );
    expect(fake.events.map((e) => e.event.event)).toEqual([
      "payment.failed",
      "payment.captured",
      "order.paid",
    ]);
  });

  it("tracks partial and full refunds on the payment, and gives a failed refund back", () => {
    const fake = createFakeRazorpay();
    const order = fake.createOrder({ amount: 10_000 });
    const { payment } = fake.pay(order.id, { succeed: true });
    fake.refund(payment.id, { amount: 4_000 });
    expect(fake.fetchPayment(payment.id)).toMatchObject({
      status: "captured",
      amount_refunded: 4_000,
      refund_status: "partial",
    });
    const pending = fake.refund(payment.id, { settle: false });
    expect(pending.refund).toMatchObject({ amount: 6_000, status: "pending" });
    expect(pending.webhooks).toEqual([]);
    expect(fake.fetchPayment(payment.id)).toMatchObject({ status: "refunded", refund_status: "full" });
    const failed = fake.settleRefund(pending.refund.id, "failed");
    expect(failed.webhooks[0]!.event).toMatchObject({
      event: "refund.failed",
      contains: ["refund", "payment"],
    });
    expect(fake.fetchPayment(payment.id)).toMatchObject({ status: "captured", amount_refunded: 4_000 });
  });

  it("returns copies: callers cannot change its state by mutation", () => {
    const fake = createFakeRazorpay();
    const order = fake.createOrder({ amount: 10_000 });
    order.status = "paid";
    expect(fake.fetchOrder(order.id).status).toBe("created");
  });
});
