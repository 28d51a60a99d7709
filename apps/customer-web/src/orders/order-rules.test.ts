import type { SubOrderStatus } from "@bazaar/schemas";
import { PlaceOrderInput } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import {
  cancelOptions,
  cancelSummary,
  newIdempotencyKey,
  paymentBanner,
  sendsBackToCart,
} from "./order-rules";

describe("cancelOptions", () => {
  const order = (...statuses: SubOrderStatus[]) => ({
    subOrders: statuses.map((status, i) => ({ id: `s${i}`, status })) as never,
  });

  it("offers the whole order only while every open part may be cancelled", () => {
    expect(cancelOptions(order("confirmed"))).toEqual({ wholeOrder: true, parts: [] });
    expect(cancelOptions(order("confirmed", "placed"))).toEqual({ wholeOrder: true, parts: ["s0", "s1"] });
    expect(cancelOptions(order("confirmed", "packed"))).toEqual({ wholeOrder: false, parts: ["s0"] });
    expect(cancelOptions(order("confirmed", "cancelled"))).toEqual({ wholeOrder: true, parts: [] });
    expect(cancelOptions(order("cancelled", "delivered"))).toEqual({ wholeOrder: false, parts: [] });
  });
});

describe("paymentBanner", () => {
  const base = {
    total: 129900,
    refundedAmount: 0,
    expiresAt: null,
    paidAt: null,
    subOrders: [{ status: "confirmed" as const, total: 129900 }],
  };

  it("asks for the money while an online order waits, with its deadline", () => {
    const banner = paymentBanner({
      ...base,
      paymentStatus: "pending",
      expiresAt: new Date(2025, 0, 1, 18, 30),
    });
    expect(banner).toMatchObject({ tone: "warning", title: "Awaiting payment", canPay: true });
    expect(banner.text).toMatch(/^Pay ₹1,299 by /);
  });

  it("says what was paid or refunded", () => {
    expect(paymentBanner({ ...base, paymentStatus: "paid" })).toMatchObject({ title: "Paid", canPay: false });
    expect(paymentBanner({ ...base, paymentStatus: "cod_pending" }).text).toBe(
      "Pay ₹1,299 in cash when your order arrives.",
    );
    expect(
      paymentBanner({ ...base, paymentStatus: "partially_refunded", refundedAmount: 49900 }).text,
    ).toMatch(/^₹499 of ₹1,299 refunded/);
  });
});

describe("checkout helpers", () => {
  it("sends cart problems back to the cart, and keeps payment problems on the page", () => {
    expect(sendsBackToCart("checkout.cart_changed")).toBe(true);
    expect(sendsBackToCart("coupon.expired")).toBe(true);
    expect(sendsBackToCart("checkout.cod_limit")).toBe(false);
    expect(sendsBackToCart(null)).toBe(false);
  });

  it("makes keys the API accepts, different each time", () => {
    const a = newIdempotencyKey();
    expect(PlaceOrderInput.shape.idempotencyKey.safeParse(a).success).toBe(true);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});

describe("cancelSummary", () => {
  const order = (paymentStatus: "paid" | "cod_pending") => ({
    number: "BZ-250101-ABCDEF",
    paymentStatus,
    subOrders: [
      { id: "a", status: "confirmed", total: 49900, seller: { shopName: "Kala Weaves" } },
      { id: "b", status: "confirmed", total: 20000, seller: { shopName: "Ghats Organics" } },
      { id: "c", status: "cancelled", total: 10000, seller: { shopName: "Old Shop" } },
    ] as never,
  });

  it("says what is refunded when the order was paid online", () => {
    expect(cancelSummary(order("paid")).done).toBe(
      "Order BZ-250101-ABCDEF is cancelled. ₹699 will be refunded to the way you paid.",
    );
    expect(cancelSummary(order("paid"), "b")).toMatchObject({
      title: "Cancel the items from Ghats Organics?",
      done: "The items from Ghats Organics are cancelled. ₹200 will be refunded to the way you paid.",
    });
  });

  it("says nothing was charged otherwise", () => {
    expect(cancelSummary(order("cod_pending")).intro).toBe(
      "Every item in the order is cancelled. Nothing has been charged for it.",
    );
  });
});
