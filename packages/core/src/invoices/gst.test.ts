import { INDIAN_STATES } from "@bazaar/schemas";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDomainError } from "../errors";
import { GST_STATE_CODES, gstinCheckChar, splitGst, stateCode, taxIncluded, validateGstin } from "./gst";

describe("stateCode", () => {
  it("has a distinct code for every state and union territory on the address form", () => {
    const codes = INDIAN_STATES.map((s) => stateCode(s));
    expect(codes.every((c) => c !== null && /^\d{2}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(INDIAN_STATES.length);
    expect(Object.keys(GST_STATE_CODES).sort()).toEqual([...INDIAN_STATES].sort());
  });

  it.each([
    ["Karnataka", "29"],
    ["karnataka", "29"],
    ["  KARNATAKA ", "29"],
    ["tamil  nadu", "33"],
    ["TamilNadu", "33"],
    ["Tamil-Nadu", "33"],
    ["Jammu & Kashmir", "01"],
    ["J&K", "01"],
    ["Andaman & Nicobar Islands", "35"],
    ["Dadra and Nagar Haveli and Daman and Diu", "26"],
    ["Daman and Diu", "26"],
    ["Orissa", "21"],
    ["Pondicherry", "34"],
    ["New Delhi", "07"],
    ["Andhra Pradesh", "37"],
    ["Telangana", "36"],
    ["Ladakh", "38"],
    ["29", "29"],
    [" 07 ", "07"],
    ["7", "07"],
    ["1", "01"],
  ])("%j → %s", (input, code) => {
    expect(stateCode(input)).toBe(code);
  });

  it.each(["", "  ", "Atlantis", "Karnataka State", "00", "25", "28", "39", "97", "99", "029", "2 9", "-7"])(
    "%j → null",
    (input) => {
      expect(stateCode(input)).toBeNull();
    },
  );
});

describe("splitGst", () => {
  it("splits an intra-state supply into CGST and SGST, the odd paisa to CGST", () => {
    expect(splitGst({ taxPaise: 1800, supplierState: "Karnataka", recipientState: "Karnataka" })).toEqual({
      kind: "intra",
      cgst: 900,
      sgst: 900,
      stateTax: "SGST",
    });
    expect(splitGst({ taxPaise: 1801, supplierState: "Karnataka", recipientState: "karnataka" })).toEqual({
      kind: "intra",
      cgst: 901,
      sgst: 900,
      stateTax: "SGST",
    });
    expect(splitGst({ taxPaise: 1, supplierState: "29", recipientState: "Karnataka" })).toEqual({
      kind: "intra",
      cgst: 1,
      sgst: 0,
      stateTax: "SGST",
    });
    expect(splitGst({ taxPaise: 0, supplierState: "Goa", recipientState: "Goa" })).toMatchObject({
      cgst: 0,
      sgst: 0,
    });
  });

  it("always adds up to the tax exactly", () => {
    for (let tax = 0; tax <= 2000; tax++) {
      const s = splitGst({ taxPaise: tax, supplierState: "Delhi", recipientState: "Delhi" });
      if (s.kind !== "intra") throw new Error("expected intra");
      expect(s.cgst + s.sgst).toBe(tax);
      expect(s.cgst - s.sgst).toBe(tax % 2);
    }
  });

  it("levies IGST across states", () => {
    expect(splitGst({ taxPaise: 1801, supplierState: "Maharashtra", recipientState: "Karnataka" })).toEqual({
      kind: "inter",
      igst: 1801,
    });
    expect(splitGst({ taxPaise: 5, supplierState: "27", recipientState: "29" })).toEqual({
      kind: "inter",
      igst: 5,
    });
  });

  it("names UTGST in a union territory without a legislature, SGST in Delhi and Puducherry", () => {
    for (const ut of [
      "Chandigarh",
      "Ladakh",
      "Lakshadweep",
      "Andaman and Nicobar Islands",
      "Daman and Diu",
    ]) {
      expect(splitGst({ taxPaise: 10, supplierState: ut, recipientState: ut })).toMatchObject({
        stateTax: "UTGST",
      });
    }
    for (const s of ["Delhi", "Puducherry", "Jammu and Kashmir"]) {
      expect(splitGst({ taxPaise: 10, supplierState: s, recipientState: s })).toMatchObject({
        stateTax: "SGST",
      });
    }
  });

  it("refuses an unknown state with a field error, and a bad amount", () => {
    const err = (() => {
      try {
        splitGst({ taxPaise: 10, supplierState: "Karnataka", recipientState: "Atlantis" });
      } catch (e) {
        return e;
      }
    })();
    expect(isDomainError(err) && err.reason).toBe("gst.unknown_state");
    expect(isDomainError(err) && err.details).toMatchObject({
      fieldErrors: { recipientState: [expect.any(String)] },
    });
    for (const bad of [-1, 0.5, Number.NaN])
      expect(() => splitGst({ taxPaise: bad, supplierState: "Goa", recipientState: "Goa" })).toThrow(
        /Tax must be a non-negative whole number of paise/,
      );
  });
});

describe("taxIncluded", () => {
  it.each([
    [0, 1800, 0],
    [11_800, 1800, 1800],
    [10_000, 1800, 1525], // 1525.42
    [10_000, 500, 476], // 476.19
    [10_000, 1200, 1071], // 1071.43
    [10_000, 2800, 2188], // 2187.5 exactly → up
    [100, 500, 5], // 4.76
    [14, 1200, 2], // 1.5 exactly → up
    [13, 1200, 1], // 1.39
    [16, 2800, 4], // 3.5 exactly → up
    [1, 10_000, 1], // 0.5 exactly → up
    [1, 1800, 0], // 0.15
    [99_999, 0, 0],
    [2_00_000_00, 300, 5_82_524], // 582524.27
    [1_000_000_000_000, 1800, 152_542_372_881], // .36
  ])("%i paise at %i bps → %i", (gross, rate, tax) => {
    expect(taxIncluded(gross, rate)).toBe(tax);
  });

  it("matches exact rational half-up rounding for any amount, including past 2^53 intermediates", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10_000 }),
        (gross, rate) => {
          const num = BigInt(gross) * BigInt(rate);
          const den = 10_000n + BigInt(rate);
          const expected = num / den + (2n * (num % den) >= den ? 1n : 0n);
          const tax = taxIncluded(gross, rate);
          expect(BigInt(tax)).toBe(expected);
          expect(tax).toBeLessThanOrEqual(gross);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("gives taxable value + tax = gross with tax ≈ taxable × rate (within half a paisa of the exact figure)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.constantFrom(0, 25, 300, 500, 1200, 1800, 2800, 4000),
        (g, r) => {
          const tax = taxIncluded(g, r);
          const taxable = g - tax;
          // |tax − taxable·r/10000| ≤ ½·(1 + r/10000) paise, i.e. the rounding error carried over.
          expect(Math.abs(tax * 10_000 - taxable * r) * 2).toBeLessThanOrEqual(10_000 + r);
        },
      ),
    );
  });

  const badAmount = /Amount must be a non-negative whole number of paise/;
  const badRate = /GST rate must be whole basis points/;
  it.each([
    [-1, 1800, badAmount],
    [1.5, 1800, badAmount],
    [Number.MAX_SAFE_INTEGER + 1, 1800, badAmount],
    [100, -1, badRate],
    [100, 18.5, badRate],
    [100, 10_001, badRate],
    [100, Number.NaN, badRate],
  ])("refuses %s paise at %s bps", (g, r, message) => {
    expect(() => taxIncluded(g, r)).toThrow(message);
  });
});

describe("validateGstin", () => {
  const valid = ["27AAPFU0939F1ZV", "27AAACR5055K1Z7", "33AAACH7409R1Z8", "29AAGCB7383J1Z4"];

  it.each(valid)("accepts %s", (g) => {
    expect(validateGstin(g)).toBe(true);
  });

  it("computes the check character of known GSTINs", () => {
    for (const g of valid) expect(gstinCheckChar(g.slice(0, 14))).toBe(g[14]);
  });

  it("refuses every single-character change of a valid GSTIN", () => {
    const chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    for (const g of valid) {
      for (let i = 0; i < g.length; i++) {
        for (const c of chars) {
          if (c === g[i]) continue;
          const altered = g.slice(0, i) + c + g.slice(i + 1);
          expect(validateGstin(altered), altered).toBe(false);
        }
      }
    }
  });

  it("refuses wrong shapes, lower case and retired or unknown state codes", () => {
    const withCheck = (first14: string) => first14 + gstinCheckChar(first14);
    expect(validateGstin(withCheck("97AAACO1234A1Z"))).toBe(true);
    for (const bad of [
      "",
      "27aapfu0939f1zv",
      " 27AAPFU0939F1ZV",
      "27AAPFU0939F1ZV ",
      "27AAPFU0939F1Z",
      "27AAPFU0939F1ZVV",
      "27AAPFU0939F0ZV",
      withCheck("25AAPFU0939F1Z"),
      withCheck("28AAPFU0939F1Z"),
      withCheck("00AAPFU0939F1Z"),
      withCheck("40AAPFU0939F1Z"),
      withCheck("27AAPFU0939F1Y"),
      withCheck("2AAAPFU0939F1Z"),
    ])
      expect(validateGstin(bad), bad).toBe(false);
  });
});
