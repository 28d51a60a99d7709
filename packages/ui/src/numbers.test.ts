import { describe, expect, it } from "vitest";
import { bpsToPercentText, parseCount, parsePercent } from "./numbers";

describe("parsePercent", () => {
  it("turns percent text into whole basis points without floating point", () => {
    expect(parsePercent("12.5")).toEqual({ ok: true, bps: 1250 });
    expect(parsePercent("12.5%")).toEqual({ ok: true, bps: 1250 });
    expect(parsePercent(" 10 ")).toEqual({ ok: true, bps: 1000 });
    expect(parsePercent("0.01")).toEqual({ ok: true, bps: 1 });
    expect(parsePercent(".5")).toEqual({ ok: true, bps: 50 });
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(parsePercent("0.29")).toEqual({ ok: true, bps: 29 });
    expect(parsePercent("100")).toEqual({ ok: true, bps: 10_000 });
    expect(parsePercent("007")).toEqual({ ok: true, bps: 700 });
  });

  it("refuses what is not a usable percentage", () => {
    expect(parsePercent("")).toMatchObject({ ok: false, error: "Enter a percentage" });
    expect(parsePercent("0")).toMatchObject({ ok: false, error: "More than 0%" });
    expect(parsePercent("100.01")).toMatchObject({ ok: false, error: "At most 100%" });
    expect(parsePercent("1000")).toMatchObject({ ok: false, error: "At most 100%" });
    expect(parsePercent("12.345")).toMatchObject({ ok: false });
    expect(parsePercent("-5")).toMatchObject({ ok: false });
    expect(parsePercent("ten")).toMatchObject({ ok: false });
    expect(parsePercent(".")).toMatchObject({ ok: false });
  });

  it("round-trips with bpsToPercentText", () => {
    for (const bps of [1, 10, 50, 99, 1000, 1250, 1255, 10_000]) {
      expect(parsePercent(bpsToPercentText(bps))).toEqual({ ok: true, bps });
    }
    expect(bpsToPercentText(1250)).toBe("12.5");
    expect(bpsToPercentText(1205)).toBe("12.05");
  });
});

describe("parseCount", () => {
  it("reads whole numbers within bounds", () => {
    expect(parseCount("1,000", "Limit", 1, 10_000)).toEqual({ ok: true, n: 1000 });
    expect(parseCount(" 5 ", "Limit", 1, 10)).toEqual({ ok: true, n: 5 });
    expect(parseCount("0", "Limit", 1, 10)).toEqual({ ok: false, error: "Limit is at least 1" });
    expect(parseCount("11", "Limit", 1, 10)).toEqual({ ok: false, error: "Limit is at most 10" });
    expect(parseCount("2.5", "Limit", 1, 10)).toEqual({ ok: false, error: "Limit is a whole number" });
  });
});
