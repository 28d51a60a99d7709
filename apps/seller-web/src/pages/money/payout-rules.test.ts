import { describe, expect, it } from "vitest";
import { parsePayoutAmount, payoutBlockReason } from "./payout-rules";

const ready = { available: 120_000, minPayout: 50_000, withdrawable: 120_000, openPayoutId: null };

describe("payoutBlockReason", () => {
  it("lets a seller with enough available ask", () => {
    expect(payoutBlockReason(ready)).toBeNull();
  });

  it("says one request is open at a time, naming it", () => {
    expect(payoutBlockReason({ ...ready, openPayoutId: "p1", withdrawable: 0 }, "PO-20261207-7K3M")).toBe(
      "Your payout request PO-20261207-7K3M is still open. You can ask for another once it is paid or rejected.",
    );
  });

  it("shows the minimum when the balance is below it", () => {
    expect(payoutBlockReason({ ...ready, available: 30_000, withdrawable: 0 })).toBe(
      "The smallest payout is ₹500; you have ₹300 available.",
    );
  });

  it("explains a negative balance after a late return", () => {
    expect(payoutBlockReason({ ...ready, available: -2_500, withdrawable: 0 })).toMatch(
      /-₹25 after a return/,
    );
  });
});

describe("parsePayoutAmount", () => {
  it("takes rupees and gives paise", () => {
    expect(parsePayoutAmount("1,000.50", ready)).toEqual({ ok: true, paise: 100_050 });
  });

  it("refuses below the minimum and above what may be withdrawn", () => {
    expect(parsePayoutAmount("499", ready)).toEqual({ ok: false, error: "The smallest payout is ₹500" });
    expect(parsePayoutAmount("1200.01", ready)).toEqual({
      ok: false,
      error: "You can withdraw at most ₹1,200",
    });
  });

  it("speaks of an amount, not a price", () => {
    expect(parsePayoutAmount("", ready)).toEqual({ ok: false, error: "Enter an amount" });
    expect(parsePayoutAmount("abc", ready)).toEqual({
      ok: false,
      error: "Enter an amount in rupees, like 899.50",
    });
  });
});
