import { describe, expect, it } from "vitest";
import { lineAmount, monthName, recentMonths, reconciles, statementEquation } from "./statement-math";

describe("recentMonths", () => {
  it("starts from this month in India and crosses the year back", () => {
    // 20:00 UTC on 31 December is 1 January in India.
    expect(recentMonths(new Date("2026-12-31T20:00:00Z"), 3)).toEqual(["2027-01", "2026-12", "2026-11"]);
    expect(recentMonths(new Date("2026-03-15T06:00:00Z"), 4)).toEqual([
      "2026-03",
      "2026-02",
      "2026-01",
      "2025-12",
    ]);
  });
});

describe("statement math", () => {
  const s = { opening: 100_000, credits: 250_000, debits: 40_050, closing: 309_950 };

  it("shows opening + credits − debits = closing", () => {
    expect(reconciles(s)).toBe(true);
    expect(statementEquation(s)).toBe("₹1,000 + ₹2,500 − ₹400.50 = ₹3,099.50");
  });

  it("notices a statement that does not add up by a paisa", () => {
    expect(reconciles({ ...s, closing: 309_951 })).toBe(false);
  });

  it("carries a negative opening (a late return) with its sign", () => {
    const negative = { opening: -5_000, credits: 0, debits: 0, closing: -5_000 };
    expect(reconciles(negative)).toBe(true);
    expect(statementEquation(negative)).toBe("-₹50 + ₹0 − ₹0 = -₹50");
  });

  it("signs a line like a bank statement", () => {
    expect(lineAmount({ credit: 50_000, debit: 0 })).toBe("+₹500");
    expect(lineAmount({ credit: 0, debit: 4_000 })).toBe("−₹40");
    expect(lineAmount({ credit: 0, debit: 0 })).toBe("");
  });

  it("names a month", () => {
    expect(monthName("2026-11")).toBe("November 2026");
  });
});
