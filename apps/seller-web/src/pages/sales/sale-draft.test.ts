import type { SaleEventDto } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import { saleDiscount, saleDraft, saleItemErrors, salePayload } from "./sale-draft";

const item = (variantId: string, price: number, salePrice: string) => ({
  variantId,
  productTitle: "Cotton saree",
  variantLabel: "Red",
  sku: `SKU-${variantId}`,
  price,
  salePrice,
});

describe("salePayload", () => {
  // The form's times are wall-clock times in India, whatever zone runs the test.
  it("sends sale prices in paise and times as dates", () => {
    const result = salePayload({
      name: "Diwali sale",
      startsAt: "2025-10-20T00:00",
      endsAt: "2025-10-25T23:59",
      items: [item("a", 129900, "999"), item("b", 89900, "799.50")],
    });
    expect(result).toEqual({
      ok: true,
      input: {
        name: "Diwali sale",
        startsAt: new Date("2025-10-20T00:00+05:30"),
        endsAt: new Date("2025-10-25T23:59+05:30"),
        items: [
          { variantId: "a", salePrice: 99900 },
          { variantId: "b", salePrice: 79950 },
        ],
      },
    });
  });

  it("puts each problem beside its field or variant", () => {
    const result = salePayload({
      name: "x",
      startsAt: "",
      endsAt: "2025-10-25T23:59",
      items: [item("a", 10000, "100"), item("b", 10000, "abc"), item("c", 10000, "50")],
    });
    expect(result).toEqual({
      ok: false,
      errors: {
        startsAt: "Enter a date and time",
        "a.salePrice": "Must be below the regular price, ₹100",
        "b.salePrice": "Enter the sale price in rupees, like 899.50",
      },
    });
  });

  it("leaves a saved sale's times alone unless they changed", () => {
    const sale: SaleEventDto = {
      id: "s",
      name: "Week sale",
      startsAt: new Date("2025-01-01T10:00:45+05:30"),
      endsAt: new Date("2025-01-08T10:00:45+05:30"),
      cancelledAt: null,
      state: "scheduled",
      items: [
        { variantId: "a", productId: "p", productTitle: "Saree", sku: "S-1", price: 50000, salePrice: 39900 },
      ],
      createdAt: new Date(2024, 11, 1),
    };
    const initial = saleDraft(sale);
    expect(initial.items[0]?.salePrice).toBe("399");
    const unchanged = salePayload(initial, initial);
    expect(unchanged).toEqual({
      ok: true,
      input: { name: "Week sale", items: [{ variantId: "a", salePrice: 39900 }] },
    });
    const later = salePayload({ ...initial, endsAt: "2025-01-09T10:00" }, initial);
    expect(later.ok && later.input.endsAt).toEqual(new Date("2025-01-09T10:00+05:30"));
  });
});

describe("saleItemErrors", () => {
  it("moves item errors onto the variants sent in that order", () => {
    expect(
      saleItemErrors(
        {
          "items.1.salePrice": "The sale price must be below the regular price",
          "items.0.variantId": 'Already in the sale "Diwali" at that time',
          name: "Name the sale",
        },
        ["a", "b"],
      ),
    ).toEqual({
      "b.salePrice": "The sale price must be below the regular price",
      "a.row": 'Already in the sale "Diwali" at that time',
    });
  });
});

describe("saleDiscount", () => {
  it("shows the saving once the price reads", () => {
    expect(saleDiscount({ price: 129900, salePrice: "999" })).toBe("23% off");
    expect(saleDiscount({ price: 129900, salePrice: "" })).toBeNull();
  });
});
