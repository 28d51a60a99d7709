import { describe, expect, it } from "vitest";
import { parseReturnWindow, returnWindowText } from "./return-window";

describe("parseReturnWindow", () => {
  it("reads empty as the platform default and 0 as no returns", () => {
    expect(parseReturnWindow("")).toEqual({ ok: true, days: null });
    expect(parseReturnWindow("  ")).toEqual({ ok: true, days: null });
    expect(parseReturnWindow("0")).toEqual({ ok: true, days: 0 });
    expect(parseReturnWindow(" 30 ")).toEqual({ ok: true, days: 30 });
  });

  it("refuses what is not 0 to 30 whole days", () => {
    expect(parseReturnWindow("31")).toEqual({ ok: false, error: "The return window is 0 to 30 days" });
    for (const bad of ["-1", "2.5", "seven", "1e1"]) expect(parseReturnWindow(bad).ok).toBe(false);
  });
});

describe("returnWindowText", () => {
  it("says what customers get", () => {
    expect(returnWindowText(0)).toBe("Your shop does not take returns.");
    expect(returnWindowText(1)).toBe("Customers can return items within 1 day of delivery.");
    expect(returnWindowText(10)).toBe("Customers can return items within 10 days of delivery.");
  });
});
