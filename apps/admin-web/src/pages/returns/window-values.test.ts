import { describe, expect, it } from "vitest";
import { parseWindowDays, windowText } from "./window-values";

describe("return window", () => {
  it("reads 0 to 30 whole days", () => {
    expect(parseWindowDays(" 7 ")).toEqual({ ok: true, days: 7 });
    expect(parseWindowDays("0")).toEqual({ ok: true, days: 0 });
    expect(parseWindowDays("30")).toEqual({ ok: true, days: 30 });
    expect(parseWindowDays("31")).toEqual({ ok: false, error: "The return window is at most 30" });
    expect(parseWindowDays("7.5")).toEqual({ ok: false, error: "The return window is a whole number" });
    expect(parseWindowDays("")).toEqual({ ok: false, error: "The return window is a whole number" });
  });

  it("says what the window means to a buyer", () => {
    expect(windowText(0)).toBe("No returns");
    expect(windowText(1)).toBe("1 day after delivery");
    expect(windowText(7)).toBe("7 days after delivery");
  });
});
