import { describe, expect, it } from "vitest";
import { checkoutPayload, checkoutValues, codSummary, shippingSummary } from "./checkout-values";

describe("checkout settings form", () => {
  it("turns rupees into paise and a blank threshold into never free", () => {
    expect(
      checkoutPayload({
        shippingFlatFee: "49",
        freeShippingAbove: "",
        maxQtyPerLine: "10",
        maxUnitsPerOrder: "50",
        codMaxOrderValue: "",
      }),
    ).toEqual({
      ok: true,
      settings: {
        shippingFlatFee: 4900,
        freeShippingAbove: null,
        maxQtyPerLine: 10,
        maxUnitsPerOrder: 50,
        codMaxOrderValue: null,
      },
    });
    const settings = {
      shippingFlatFee: 4950,
      freeShippingAbove: 49_900,
      maxQtyPerLine: 5,
      maxUnitsPerOrder: 20,
      codMaxOrderValue: 500_000,
    };
    expect(checkoutPayload(checkoutValues(settings))).toEqual({ ok: true, settings });
  });

  it("names each field it cannot read", () => {
    const result = checkoutPayload({
      shippingFlatFee: "",
      freeShippingAbove: "lots",
      maxQtyPerLine: "0",
      maxUnitsPerOrder: "1.5",
      codMaxOrderValue: "-5",
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        shippingFlatFee: "Enter the fee (0 for free shipping)",
        freeShippingAbove: "Enter an amount in rupees, like 899.50",
        maxQtyPerLine: "The limit is at least 1",
        maxUnitsPerOrder: "The limit is a whole number",
        codMaxOrderValue: "Enter an amount in rupees, like 899.50",
      },
    });
  });

  it("sums up the shipping rule", () => {
    expect(shippingSummary({ shippingFlatFee: 4900, freeShippingAbove: 49_900 })).toBe(
      "₹49 shipping per shop, free when a shop's items reach ₹499.",
    );
    expect(shippingSummary({ shippingFlatFee: 0, freeShippingAbove: null })).toBe("Shipping is always free.");
  });

  it("sums up the cash on delivery cap", () => {
    expect(codSummary({ codMaxOrderValue: 500_000 })).toBe(
      "Cash on delivery for orders up to ₹5,000, from shops that accept it.",
    );
    expect(codSummary({ codMaxOrderValue: null })).toMatch(/any size/);
  });
});
