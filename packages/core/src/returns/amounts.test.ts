import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shippingRefund, unitsRefund } from "./amounts";

/**
 * The pricing rule alone, over many random lines and histories: returns of random sizes
 * that may later be cancelled or rejected (giving their units and money back), priced as
 * requestReturn prices them against what live returns hold.
 */
describe("refund amounts (pure)", () => {
  it("never hold more than a line's total, and a line returned whole holds exactly its total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.boolean()), { maxLength: 20 }),
        (qty, lineTotal, history) => {
          const live: { units: number; amount: number }[] = [];
          const held = () => ({
            qty: live.reduce((a, r) => a + r.units, 0),
            amount: live.reduce((a, r) => a + r.amount, 0),
          });
          for (const [want, dropLater] of history) {
            const h = held();
            const units = Math.min(want, qty - h.qty);
            if (units > 0) {
              const amount = unitsRefund({ qty, lineTotal }, h, units);
              expect(amount).toBeGreaterThanOrEqual(0);
              live.push({ units, amount });
            }
            expect(held().amount).toBeLessThanOrEqual(lineTotal);
            // A cancelled or rejected return gives its units and money back.
            if (dropLater && live.length) live.splice(Math.floor(live.length / 2), 1);
          }
          const h = held();
          if (h.qty < qty)
            live.push({ units: qty - h.qty, amount: unitsRefund({ qty, lineTotal }, h, qty - h.qty) });
          expect(held().amount).toBe(lineTotal);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("gives the shipping back only for a whole sub-order returned for the seller's fault, once", () => {
    expect(
      shippingRefund({
        shipping: 4900,
        completesSubOrder: true,
        reasons: ["damaged"],
        shippingAlreadyHeld: false,
      }),
    ).toBe(4900);
    expect(
      shippingRefund({
        shipping: 4900,
        completesSubOrder: true,
        reasons: ["damaged", "size_fit"],
        shippingAlreadyHeld: false,
      }),
    ).toBe(0);
    expect(
      shippingRefund({
        shipping: 4900,
        completesSubOrder: false,
        reasons: ["damaged"],
        shippingAlreadyHeld: false,
      }),
    ).toBe(0);
    expect(
      shippingRefund({
        shipping: 4900,
        completesSubOrder: true,
        reasons: ["defective"],
        shippingAlreadyHeld: true,
      }),
    ).toBe(0);
  });
});
