import type { CouponDto } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import { couponPayload, couponValues, describeCoupon } from "./coupon-values";

const coupon: CouponDto = {
  id: "c1",
  code: "DIWALI10",
  description: "Festive offer",
  scope: "seller",
  sellerId: "s1",
  kind: "percent",
  percentBps: 1250,
  amountOff: null,
  maxDiscount: 20_000,
  minSubtotal: 99_900,
  startsAt: new Date("2025-10-01T09:00:30+05:30"),
  endsAt: null,
  usageLimit: 100,
  perCustomerLimit: null,
  firstOrderOnly: false,
  categoryIds: [],
  productIds: ["p1"],
  products: [{ id: "p1", title: "Blue Vase" }],
  active: true,
  usedCount: 3,
  state: "active",
  createdAt: new Date(2025, 8, 1),
};

describe("couponPayload", () => {
  it("turns rupees into paise, percent into basis points and blanks into none", () => {
    const values = {
      ...couponValues(),
      code: "save50",
      kind: "percent" as const,
      percent: "12.5",
      maxDiscount: "200",
      minSubtotal: "",
      startsAt: "2025-10-01T09:00",
      endsAt: "2025-10-31T23:59",
      usageLimit: "1,000",
      perCustomerLimit: "1",
      firstOrderOnly: true,
    };
    expect(couponPayload(values)).toEqual({
      ok: true,
      fields: {
        description: "",
        kind: "percent",
        percentBps: 1250,
        amountOff: null,
        maxDiscount: 20_000,
        minSubtotal: 0,
        startsAt: new Date("2025-10-01T09:00+05:30"),
        endsAt: new Date("2025-10-31T23:59+05:30"),
        usageLimit: 1000,
        perCustomerLimit: 1,
        firstOrderOnly: true,
        categoryIds: [],
        productIds: [],
      },
    });
  });

  it("sends only the amount a fixed coupon takes, and leaves a missing one to the server", () => {
    const fixed = { ...couponValues(), kind: "fixed" as const, percent: "10", maxDiscount: "50" };
    const result = couponPayload({ ...fixed, amountOff: "99.50" });
    expect(result).toMatchObject({
      ok: true,
      fields: { amountOff: 9950, percentBps: null, maxDiscount: null },
    });
    expect(couponPayload(fixed)).toMatchObject({ ok: true, fields: { amountOff: null } });
  });

  it("names each field it cannot read", () => {
    const result = couponPayload({
      ...couponValues(),
      percent: "150",
      maxDiscount: "abc",
      endsAt: "tomorrow",
      perCustomerLimit: "0",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.errors).sort()).toEqual([
      "endsAt",
      "maxDiscount",
      "perCustomerLimit",
      "percentBps",
    ]);
  });

  it("leaves an edited coupon's times alone unless they were changed", () => {
    const initial = couponValues(coupon);
    expect(initial).toMatchObject({
      percent: "12.5",
      maxDiscount: "200",
      minSubtotal: "999",
      usageLimit: "100",
    });
    const unchanged = couponPayload(initial, initial);
    expect(unchanged.ok && "startsAt" in unchanged.fields).toBe(false);
    expect(unchanged.ok && "endsAt" in unchanged.fields).toBe(false);
    const moved = couponPayload(
      { ...initial, startsAt: "2025-10-02T09:00", endsAt: "" },
      { ...initial, endsAt: "x" },
    );
    expect(moved).toMatchObject({
      ok: true,
      fields: { startsAt: new Date("2025-10-02T09:00+05:30"), endsAt: null },
    });
  });
});

describe("describeCoupon", () => {
  it("says what the coupon takes off and when it applies", () => {
    expect(describeCoupon(coupon)).toBe("12.5% off, up to ₹200 · on ₹999 or more · 1 product");
    expect(
      describeCoupon({
        ...coupon,
        kind: "fixed",
        amountOff: 5000,
        minSubtotal: 0,
        productIds: [],
        firstOrderOnly: true,
      }),
    ).toBe("₹50 off · first order only");
  });
});
