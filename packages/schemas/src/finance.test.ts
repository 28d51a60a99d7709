import { describe, expect, it } from "vitest";
import { LedgerListInput, SetFinanceSettingsInput, StatementMonth } from "./ledger";
import { PayoutMarkPaidInput, PayoutRequestInput } from "./payouts";

const fieldErrors = (r: { success: boolean; error?: { flatten(): { fieldErrors: object } } }) =>
  r.success ? {} : r.error!.flatten().fieldErrors;

describe("finance inputs", () => {
  it("take a month as YYYY-MM in this century or the next only", () => {
    expect(StatementMonth.safeParse("2026-11").success).toBe(true);
    for (const bad of ["2026-13", "2026-1", "1999-12", "2026-11-01", ""])
      expect(StatementMonth.safeParse(bad).success).toBe(false);
  });

  it("take a UTR of 12 to 22 letters and digits, upper-cased", () => {
    const id = "7c0e5d0a-3b2f-4c39-8f57-2f8a4f0d2b11";
    expect(PayoutMarkPaidInput.parse({ id, utr: " hdfcn52026120712 " }).utr).toBe("HDFCN52026120712");
    expect(fieldErrors(PayoutMarkPaidInput.safeParse({ id, utr: "UTR-1" }))).toEqual({
      utr: ["A UTR is 12 to 22 letters and digits"],
    });
  });

  it("refuse amounts that are not whole positive paise, naming the field", () => {
    expect(fieldErrors(PayoutRequestInput.safeParse({ amount: 10.5 }))).toEqual({
      amount: ["Amount is whole paise"],
    });
    expect(fieldErrors(PayoutRequestInput.safeParse({ amount: 0 }))).toEqual({
      amount: ["Amount must be more than zero"],
    });
  });

  it("refuse an empty settings change, rates beyond their caps, and a date range backwards", () => {
    expect(SetFinanceSettingsInput.safeParse({}).success).toBe(false);
    expect(fieldErrors(SetFinanceSettingsInput.safeParse({ tcsBps: 600 }))).toEqual({
      tcsBps: ["TCS is at most 500 basis points (5%)"],
    });
    expect(
      fieldErrors(LedgerListInput.safeParse({ from: "2026-12-01T00:00:00Z", to: "2026-11-01T00:00:00Z" })),
    ).toEqual({ to: ["From must be before To"] });
  });
});
