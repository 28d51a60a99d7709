import { DEFAULT_FINANCE_SETTINGS, Id } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import { adjustPayload, financePayload, financeValues, newRequestKey, parseRate } from "./finance-values";

describe("finance settings form", () => {
  it("round-trips the defaults through the form", () => {
    const values = financeValues(DEFAULT_FINANCE_SETTINGS);
    expect(values).toEqual({ gatewayFeeBps: "2", gatewayFeeGstBps: "18", tcsBps: "1", minPayout: "500" });
    expect(financePayload(values)).toEqual({ ok: true, settings: DEFAULT_FINANCE_SETTINGS });
  });

  it("allows a waived fee but not more than the cap", () => {
    expect(parseRate("0", "the gateway fee", 1000)).toEqual({ ok: true, bps: 0 });
    expect(parseRate("1.75%", "TCS", 500)).toEqual({ ok: true, bps: 175 });
    expect(parseRate("6", "TCS", 500)).toEqual({ ok: false, error: "TCS is at most 5%" });
    expect(parseRate("1.234", "TCS", 500).ok).toBe(false);
  });

  it("names each bad field", () => {
    const r = financePayload({ gatewayFeeBps: "", gatewayFeeGstBps: "18", tcsBps: "abc", minPayout: "0.5" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["gatewayFeeBps", "minPayout", "tcsBps"]);
  });
});

describe("balance adjustment form", () => {
  it("turns rupees into paise and keeps the reason", () => {
    expect(
      adjustPayload({ direction: "debit", amount: "1,250.50", reason: "  Damaged stock claim " }),
    ).toEqual({
      ok: true,
      direction: "debit",
      amount: 125050,
      reason: "Damaged stock claim",
    });
  });

  it("requires a direction, an amount above zero and a reason", () => {
    expect(adjustPayload({ direction: "", amount: "0", reason: "ok" })).toEqual({
      ok: false,
      errors: {
        direction: "Choose credit or debit",
        amount: "The amount must be more than ₹0",
        reason: "Give a reason of at least 5 characters",
      },
    });
  });
});

describe("adjustment request key", () => {
  it("is a UUID the API takes, without randomUUID too (plain http on a LAN address)", () => {
    expect(Id.safeParse(newRequestKey()).success).toBe(true);
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
      const keys = new Set(Array.from({ length: 50 }, newRequestKey));
      expect(keys.size).toBe(50);
      for (const k of keys) expect(Id.safeParse(k).success).toBe(true);
    } finally {
      Object.defineProperty(crypto, "randomUUID", { value: original, configurable: true });
    }
  });
});
