import { describe, expect, it } from "vitest";
import { ledgerFilterParams, ledgerQuery, readLedgerFilters } from "./ledger-filters";
import { payoutStatusNote } from "./money-labels";

describe("ledger filters", () => {
  it("read from the URL, dropping what is not a kind or a date", () => {
    expect(readLedgerFilters(new URLSearchParams("kind=sale&from=2026-03-01&to=nope"))).toEqual({
      kind: "sale",
      from: "2026-03-01",
      to: "",
    });
    expect(readLedgerFilters(new URLSearchParams("kind=bribe")).kind).toBe("");
  });

  it("round-trip through the URL", () => {
    const f = { kind: "commission" as const, from: "2026-03-01", to: "2026-03-31" };
    expect(readLedgerFilters(ledgerFilterParams(f))).toEqual(f);
  });

  it("send India days: from its first instant, to including the whole last day", () => {
    const q = ledgerQuery({ kind: "", from: "2026-03-01", to: "2026-03-31" });
    expect(q).toEqual({
      ok: true,
      input: { from: new Date("2026-02-28T18:30:00Z"), to: new Date("2026-03-31T18:30:00Z") },
    });
  });

  it("refuse a range that ends before it starts, on the To field", () => {
    expect(ledgerQuery({ kind: "", from: "2026-03-05", to: "2026-03-01" })).toEqual({
      ok: false,
      field: "to",
      error: "To must be on or after From",
    });
  });
});

describe("payoutStatusNote", () => {
  it("gives the UTR of a paid payout and the reason of a rejected one", () => {
    expect(payoutStatusNote({ status: "paid", utr: "HDFC00012345", rejectReason: null })).toBe(
      "Paid, bank reference (UTR) HDFC00012345.",
    );
    expect(payoutStatusNote({ status: "rejected", utr: null, rejectReason: "Bank account closed" })).toBe(
      "Rejected: Bank account closed. The amount is back in your available balance.",
    );
  });
});
