import { describe, expect, it } from "vitest";
import { discountPercent, paiseToRupeesText, parseRupees } from "./money";

describe("parseRupees", () => {
  it("turns rupee text into whole paise without floating point", () => {
    expect(parseRupees("899.50")).toEqual({ ok: true, paise: 89950 });
    expect(parseRupees("899.5")).toEqual({ ok: true, paise: 89950 });
    expect(parseRupees("₹1,299")).toEqual({ ok: true, paise: 129900 });
    expect(parseRupees(" 0.29 ")).toEqual({ ok: true, paise: 29 });
    expect(parseRupees(".07")).toEqual({ ok: true, paise: 7 });
    expect(parseRupees("1.")).toEqual({ ok: true, paise: 100 });
    // 1.15 * 100 is 114.99999999999999 in floating point.
    expect(parseRupees("1.15")).toEqual({ ok: true, paise: 115 });
    expect(parseRupees("10000000")).toEqual({ ok: true, paise: 1_000_000_000 });
  });

  it("refuses what is not a price", () => {
    expect(parseRupees("")).toMatchObject({ ok: false, error: "Enter a price" });
    expect(parseRupees("12.345")).toMatchObject({ ok: false });
    expect(parseRupees("-5")).toMatchObject({ ok: false });
    expect(parseRupees("1e3")).toMatchObject({ ok: false });
    expect(parseRupees(".")).toMatchObject({ ok: false });
    expect(parseRupees("123456789")).toMatchObject({ ok: false, error: "That price is too high" });
  });

  it("round-trips with paiseToRupeesText", () => {
    for (const paise of [1, 50, 100, 89950, 129900, 1_000_000_000]) {
      expect(parseRupees(paiseToRupeesText(paise))).toEqual({ ok: true, paise });
    }
    expect(paiseToRupeesText(89905)).toBe("899.05");
  });
});

describe("discountPercent", () => {
  it("rounds down and ignores a compare-at that is not higher", () => {
    expect(discountPercent(89900, 129900)).toBe(30);
    expect(discountPercent(100, 100)).toBeNull();
    expect(discountPercent(100, null)).toBeNull();
  });
});
