import { describe, expect, it } from "vitest";
import { cartMergeMessage, mergeNotices, noticeText, qtyLimit } from "./cart-text";

describe("noticeText", () => {
  it("says plainly what changed", () => {
    expect(noticeText({ kind: "qty_reduced", from: 6, to: 4 })).toBe(
      "Quantity changed from 6 to 4, the most you can buy now.",
    );
    expect(noticeText({ kind: "price_changed", from: 129900, to: 89900 })).toBe(
      "Price dropped from ₹1,299 to ₹899 since you added it.",
    );
    expect(noticeText({ kind: "unavailable", reason: "seller_unavailable" })).toMatch(/seller/);
  });
});

describe("mergeNotices", () => {
  it("keeps once-only notices that a fresh read no longer carries", () => {
    const remembered = [{ kind: "price_changed" as const, from: 100, to: 90 }];
    expect(mergeNotices([], remembered)).toEqual(remembered);
    const fresh = [{ kind: "price_changed" as const, from: 90, to: 80 }];
    expect(mergeNotices(fresh, remembered)).toEqual(fresh);
    expect(mergeNotices([{ kind: "out_of_stock" }], remembered)).toHaveLength(2);
  });
});

describe("qtyLimit", () => {
  const cart = (maxQtyPerLine: number, maxUnitsPerOrder: number, itemCount: number) => ({
    limits: { maxQtyPerLine, maxUnitsPerOrder },
    totals: {
      subtotal: 0,
      itemDiscount: 0,
      couponDiscount: 0,
      shipping: 0,
      gstIncluded: 0,
      total: 0,
      itemCount,
    },
  });

  it("names whichever limit is tightest", () => {
    expect(qtyLimit({ qty: 2, stock: 3 }, cart(10, 50, 2))).toEqual({ max: 3, reason: "Only 3 in stock" });
    expect(qtyLimit({ qty: 2, stock: 30 }, cart(10, 50, 2))).toEqual({
      max: 10,
      reason: "At most 10 of one item",
    });
    expect(qtyLimit({ qty: 2, stock: 30 }, cart(10, 12, 11))).toEqual({
      max: 3,
      reason: "An order can hold at most 12 items",
    });
  });
});

describe("cartMergeMessage", () => {
  it("counts what was added and lists what was capped", () => {
    expect(
      cartMergeMessage({
        linesAdded: 1,
        linesCombined: 1,
        capped: [{ variantId: "v", title: "Cotton saree", requested: 6, kept: 4 }],
      }),
    ).toEqual({
      headline: "We added 2 items from before you signed in to your cart.",
      capped: ["Only 4 of Cotton saree were available, so your cart has 4 instead of 6."],
    });
    expect(cartMergeMessage({ linesAdded: 0, linesCombined: 0, capped: [] })).toBeNull();
  });
});
