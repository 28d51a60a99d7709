import { describe, expect, it } from "vitest";
import { readPaymentReturn, withoutPaymentReturn } from "./payment-return";

describe("readPaymentReturn", () => {
  it("reads Razorpay's signed success", () => {
    const params = new URLSearchParams(
      "razorpay_order_id=order_1&razorpay_payment_id=pay_1&razorpay_signature=abc&x=1",
    );
    expect(readPaymentReturn(params)).toEqual({
      kind: "success",
      razorpayOrderId: "order_1",
      razorpayPaymentId: "pay_1",
      signature: "abc",
    });
  });

  it("reads a failure's description, and ignores an address without either", () => {
    const params = new URLSearchParams();
    params.set("error[code]", "BAD_REQUEST_ERROR");
    params.set("error[description]", "Payment declined by the bank");
    params.set("error[reason]", "payment_failed");
    params.set("error[metadata]", "{}");
    expect(readPaymentReturn(params)).toEqual({
      kind: "failure",
      description: "Payment declined by the bank",
      code: "BAD_REQUEST_ERROR",
      reason: "payment_failed",
    });
    expect(readPaymentReturn(new URLSearchParams("razorpay_order_id=order_1"))).toBeNull();
    expect(readPaymentReturn(new URLSearchParams("tab=items"))).toBeNull();
  });

  it("strips the result from the address and keeps the rest", () => {
    const params = new URLSearchParams(
      "razorpay_order_id=o&razorpay_payment_id=p&razorpay_signature=s&error%5Bcode%5D=X&tab=items",
    );
    expect(withoutPaymentReturn(params).toString()).toBe("tab=items");
  });
});
