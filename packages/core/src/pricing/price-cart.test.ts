import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocate,
  gstIncludedIn,
  type PricingCoupon,
  type PricingLine,
  priceCart,
  type ShippingRule,
} from "./price-cart";

const SHIP: ShippingRule = { flatFee: 4_900, freeAbove: 49_900 };
const line = (over: Partial<PricingLine> & { id: string }): PricingLine => ({
  sellerId: "s1",
  productId: `p-${over.id}`,
  categoryIds: ["c-root"],
  qty: 1,
  unitPrice: 10_000,
  salePrice: null,
  gstRateBps: 1800,
  ...over,
});
const coupon = (over: Partial<PricingCoupon>): PricingCoupon => ({
  sellerId: null,
  kind: "percent",
  percentBps: 1000,
  amountOff: null,
  maxDiscount: null,
  minSubtotal: 0,
  categoryIds: [],
  productIds: [],
  ...over,
});

describe("priceCart", () => {
  it("groups by seller and charges shipping per group below the threshold only", () => {
    const cart = priceCart(
      [
        line({ id: "a", sellerId: "s1", unitPrice: 30_000, qty: 2 }),
        line({ id: "b", sellerId: "s2", unitPrice: 20_000 }),
      ],
      null,
      SHIP,
    );
    expect(cart.groups.map((g) => [g.sellerId, g.total, g.shipping])).toEqual([
      ["s1", 60_000, 0],
      ["s2", 24_900, 4_900],
    ]);
    expect(cart.total).toBe(84_900);
    expect(cart.shipping).toBe(4_900);
  });

  it("shows a running sale as an item discount against the regular price", () => {
    const cart = priceCart([line({ id: "a", unitPrice: 10_000, salePrice: 7_500, qty: 3 })], null, SHIP);
    const [l] = cart.groups[0]!.lines;
    expect(l).toMatchObject({
      lineSubtotal: 30_000,
      itemDiscount: 7_500,
      effectiveUnitPrice: 7_500,
      lineTotal: 22_500,
    });
    // A "sale" price above the regular price is no sale.
    const odd = priceCart([line({ id: "a", unitPrice: 10_000, salePrice: 12_000 })], null, SHIP);
    expect(odd.itemDiscount).toBe(0);
  });

  it("rounds a percentage coupon down, holds it to its cap, and spreads it exactly", () => {
    const lines = [
      line({ id: "a", unitPrice: 3_333 }),
      line({ id: "b", unitPrice: 3_333 }),
      line({ id: "c", unitPrice: 3_334 }),
    ];
    const ten = priceCart(lines, coupon({ percentBps: 1_050 }), SHIP); // 10.5% of 10,000 = 1,050
    expect(ten.couponDiscount).toBe(1_050);
    expect(ten.groups[0]!.lines.map((l) => l.couponDiscount)).toEqual([350, 350, 350]);
    const odd = priceCart(lines, coupon({ percentBps: 333 }), SHIP); // 3.33% of 10,000 = 333
    expect(odd.groups[0]!.lines.map((l) => l.couponDiscount)).toEqual([111, 111, 111]);
    const capped = priceCart(lines, coupon({ percentBps: 5_000, maxDiscount: 2_000 }), SHIP);
    expect(capped.couponDiscount).toBe(2_000);
  });

  it("never lets a fixed coupon take more than the eligible goods are worth", () => {
    const cart = priceCart(
      [line({ id: "a", unitPrice: 5_000 })],
      coupon({ kind: "fixed", percentBps: null, amountOff: 90_000 }),
      SHIP,
    );
    expect(cart.couponDiscount).toBe(5_000);
    expect(cart.groups[0]!.lines[0]!.lineTotal).toBe(0);
    expect(cart.total).toBe(4_900); // shipping still due on an empty-valued group
  });

  it("limits a seller coupon to that seller's lines", () => {
    const cart = priceCart(
      [
        line({ id: "a", sellerId: "s1", unitPrice: 10_000 }),
        line({ id: "b", sellerId: "s2", unitPrice: 10_000 }),
      ],
      coupon({ sellerId: "s2", percentBps: 2_000 }),
      SHIP,
    );
    expect(cart.groups.map((g) => g.couponDiscount)).toEqual([0, 2_000]);
  });

  it("limits a restricted coupon to its products or categories, including subcategories", () => {
    const lines = [
      line({ id: "a", productId: "p1", categoryIds: ["shirts", "clothing"] }),
      line({ id: "b", productId: "p2", categoryIds: ["mugs", "kitchen"] }),
      line({ id: "c", productId: "p3", categoryIds: ["lamps"] }),
    ];
    const byCategory = priceCart(lines, coupon({ categoryIds: ["clothing"] }), SHIP);
    expect(byCategory.groups[0]!.lines.map((l) => l.couponDiscount)).toEqual([1_000, 0, 0]);
    const byProduct = priceCart(lines, coupon({ productIds: ["p3"], categoryIds: ["kitchen"] }), SHIP);
    expect(byProduct.groups[0]!.lines.map((l) => l.couponDiscount)).toEqual([0, 1_000, 1_000]);
  });

  it("reports a coupon that covers nothing, or covers too little", () => {
    const lines = [line({ id: "a", sellerId: "s1", unitPrice: 40_000 })];
    expect(priceCart(lines, coupon({ sellerId: "s9" }), SHIP).coupon).toEqual({
      applied: false,
      reason: "not_applicable",
    });
    expect(priceCart(lines, coupon({ minSubtotal: 50_000 }), SHIP).coupon).toEqual({
      applied: false,
      reason: "min_subtotal",
      minSubtotal: 50_000,
      shortBy: 10_000,
    });
    // The minimum is measured on what the coupon covers, after sale prices.
    const onSale = [line({ id: "a", unitPrice: 60_000, salePrice: 45_000 })];
    expect(priceCart(onSale, coupon({ minSubtotal: 50_000 }), SHIP).coupon).toMatchObject({
      reason: "min_subtotal",
    });
  });

  it("charges shipping when a coupon takes the group below the free threshold", () => {
    const cart = priceCart(
      [line({ id: "a", unitPrice: 50_000 })],
      coupon({ kind: "fixed", percentBps: null, amountOff: 200 }),
      SHIP,
    );
    expect(cart.shipping).toBe(4_900);
    expect(cart.total).toBe(50_000 - 200 + 4_900);
  });

  it("shows the GST inside each line, rounded half up", () => {
    // 11,800 at 18% holds exactly 1,800; 100 at 5% holds 4.76 → 5; 0% holds none.
    expect(gstIncludedIn(11_800, 1800)).toBe(1_800);
    expect(gstIncludedIn(100, 500)).toBe(5);
    expect(gstIncludedIn(21, 500)).toBe(1); // 1.0 exactly
    expect(gstIncludedIn(10, 500)).toBe(0); // 0.476 → 0
    expect(gstIncludedIn(99_999, 0)).toBe(0);
    const cart = priceCart(
      [
        line({ id: "a", unitPrice: 11_800, gstRateBps: 1800 }),
        line({ id: "b", unitPrice: 10_500, gstRateBps: 500 }),
      ],
      null,
      SHIP,
    );
    expect(cart.groups[0]!.lines.map((l) => l.gstIncluded)).toEqual([1_800, 500]);
    expect(cart.gstIncluded).toBe(2_300);
  });

  it("prices an empty cart at zero", () => {
    expect(priceCart([], coupon({}), SHIP)).toMatchObject({ groups: [], total: 0, shipping: 0 });
  });
});

describe("allocate", () => {
  it("gives leftover paise to the largest fractions, earlier lines first on ties", () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(100, [1, 2])).toEqual([33, 67]);
    expect(allocate(5, [0, 0])).toEqual([0, 0]);
  });
});

// ---- properties ---------------------------------------------------------------------------
const arbLine = fc
  .record({
    sellerId: fc.constantFrom("s1", "s2", "s3"),
    productId: fc.constantFrom("p1", "p2", "p3", "p4"),
    categoryIds: fc.subarray(["c1", "c2", "c3"]),
    qty: fc.integer({ min: 1, max: 20 }),
    unitPrice: fc.integer({ min: 1, max: 100_000_000 }),
    salePrice: fc.option(fc.integer({ min: 1, max: 100_000_000 }), { nil: null }),
    gstRateBps: fc.constantFrom(0, 500, 1200, 1800, 2800),
  })
  .map((l) => l);
const arbLines = fc
  .array(arbLine, { maxLength: 12 })
  .map((ls) => ls.map((l, i): PricingLine => ({ ...l, id: `l${i}` })));
const arbCoupon = fc.option(
  fc.oneof(
    fc.record({
      sellerId: fc.option(fc.constantFrom("s1", "s2"), { nil: null }),
      kind: fc.constant("percent" as const),
      percentBps: fc.integer({ min: 1, max: 10_000 }),
      amountOff: fc.constant(null),
      maxDiscount: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: null }),
      minSubtotal: fc.integer({ min: 0, max: 1_000_000 }),
      categoryIds: fc.subarray(["c1", "c2"]),
      productIds: fc.subarray(["p1", "p3"]),
    }),
    fc.record({
      sellerId: fc.option(fc.constantFrom("s1", "s2"), { nil: null }),
      kind: fc.constant("fixed" as const),
      percentBps: fc.constant(null),
      amountOff: fc.integer({ min: 1, max: 1_000_000_000 }),
      maxDiscount: fc.constant(null),
      minSubtotal: fc.integer({ min: 0, max: 1_000_000 }),
      categoryIds: fc.subarray(["c1", "c2"]),
      productIds: fc.subarray(["p1", "p3"]),
    }),
  ),
  { nil: null },
);
const arbShipping = fc.record({
  flatFee: fc.integer({ min: 0, max: 20_000 }),
  freeAbove: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
});

describe("priceCart properties", () => {
  it("lines add up to groups, groups to the total, and nothing is negative or fractional", () => {
    fc.assert(
      fc.property(arbLines, arbCoupon, arbShipping, (lines, c, ship) => {
        const cart = priceCart(lines, c, ship);
        const figures: number[] = [
          cart.subtotal,
          cart.itemDiscount,
          cart.couponDiscount,
          cart.shipping,
          cart.total,
          cart.gstIncluded,
        ];
        let linesTotal = 0;
        for (const g of cart.groups) {
          figures.push(g.subtotal, g.itemDiscount, g.couponDiscount, g.shipping, g.total);
          const sum = g.lines.reduce((a, l) => a + l.lineTotal, 0);
          expect(g.total).toBe(sum + g.shipping);
          expect(g.shipping === 0 || g.shipping === ship.flatFee).toBe(true);
          for (const l of g.lines) {
            figures.push(l.lineSubtotal, l.itemDiscount, l.couponDiscount, l.lineTotal, l.gstIncluded);
            expect(l.lineSubtotal - l.itemDiscount - l.couponDiscount).toBe(l.lineTotal);
            expect(l.gstIncluded).toBeLessThanOrEqual(l.lineTotal);
          }
          linesTotal += sum;
        }
        for (const f of figures) {
          expect(Number.isSafeInteger(f)).toBe(true);
          expect(f).toBeGreaterThanOrEqual(0);
        }
        expect(cart.total).toBe(linesTotal + cart.shipping);
        expect(cart.total).toBe(cart.subtotal - cart.itemDiscount - cart.couponDiscount + cart.shipping);
        expect(cart.groups.reduce((a, g) => a + g.lines.length, 0)).toBe(lines.length);
      }),
      { numRuns: 2_000 },
    );
  });

  it("an applied coupon takes exactly its discount, spread only over lines it covers", () => {
    fc.assert(
      fc.property(arbLines, arbCoupon, arbShipping, (lines, c, ship) => {
        const cart = priceCart(lines, c, ship);
        if (cart.coupon?.applied) expect(cart.couponDiscount).toBe(cart.coupon.discount);
        else expect(cart.couponDiscount).toBe(0);
        if (c?.maxDiscount != null) expect(cart.couponDiscount).toBeLessThanOrEqual(c.maxDiscount);
        if (c?.sellerId)
          for (const g of cart.groups) if (g.sellerId !== c.sellerId) expect(g.couponDiscount).toBe(0);
      }),
      { numRuns: 2_000 },
    );
  });

  it("allocation is exact and never exceeds a line's weight", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2_000_000_000 }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        (w, n) => {
          const total = w.reduce((a, b) => a + b, 0);
          const amount = total === 0 ? 0 : n % (total + 1);
          const out = allocate(amount, w);
          expect(out.reduce((a, b) => a + b, 0)).toBe(amount);
          for (const [i, s] of out.entries()) expect(s).toBeLessThanOrEqual(w[i]!);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
