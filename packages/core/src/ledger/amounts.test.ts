import { DEFAULT_FINANCE_SETTINGS } from "@bazaar/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bpsOf, deliveryFigures, shareBack } from "./amounts";

describe("ledger amounts", () => {
  it("takes 2% + 18% GST on the fee for online orders, 1% TCS on the value before GST, and the commission", () => {
    // ₹1,180 with ₹180 GST at 10% commission, paid online.
    const f = deliveryFigures(
      { total: 118_000, gstIncluded: 18_000, commissionBps: 1_000, online: true },
      DEFAULT_FINANCE_SETTINGS,
    );
    expect(f).toEqual({
      sale: 118_000,
      commission: 11_800,
      gatewayFee: 2_360,
      gatewayFeeGst: 425,
      tcs: 1_000,
    });
    const cod = deliveryFigures(
      { total: 118_000, gstIncluded: 18_000, commissionBps: 1_000, online: false },
      DEFAULT_FINANCE_SETTINGS,
    );
    expect(cod.gatewayFee + cod.gatewayFeeGst).toBe(0);
  });

  it("rounds half up", () => {
    expect(bpsOf(50, 100)).toBe(1); // 0.5 paise
    expect(bpsOf(49, 100)).toBe(0);
  });

  it("gives back exactly what was taken once everything is returned, in any split", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000 }), { minLength: 1, maxLength: 6 }),
        (total, bps, weights) => {
          const taken = bpsOf(total, bps);
          const sum = weights.reduce((a, b) => a + b, 0);
          // Split the total into refunds proportional to the weights; the last takes the rest.
          let refunded = 0;
          let given = 0;
          weights.forEach((w, i) => {
            const part = i === weights.length - 1 ? total - refunded : Math.floor((total * w) / sum);
            refunded += part;
            const back = shareBack(taken, total, refunded, given);
            expect(back).toBeGreaterThanOrEqual(0);
            given += back;
            expect(given).toBeLessThanOrEqual(taken);
          });
          expect(given).toBe(taken);
        },
      ),
    );
  });
});
