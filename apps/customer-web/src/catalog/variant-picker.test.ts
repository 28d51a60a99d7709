import type { VariantDto } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import { choose, initialVariant, valueState } from "./variant-picker";

const v = (id: string, size: string, colour: string, stock: number, position: number): VariantDto => ({
  id,
  sku: id,
  optionValues: { Size: size, Colour: colour },
  price: 100 * position + 100,
  compareAtPrice: null,
  stock,
  weightGrams: null,
  position,
});
const options = [
  { name: "Size", values: ["M", "L"] },
  { name: "Colour", values: ["Red", "Blue"] },
];
// No L/Red; M/Blue is sold out.
const variants = [
  v("m-red", "M", "Red", 0, 0),
  v("m-blue", "M", "Blue", 0, 1),
  v("l-blue", "L", "Blue", 4, 2),
];

describe("variant picker", () => {
  it("starts on the requested variant, else the first in stock", () => {
    expect(initialVariant(variants, "m-blue")?.id).toBe("m-blue");
    expect(initialVariant(variants, "nope")?.id).toBe("l-blue");
    expect(initialVariant([])).toBeUndefined();
  });

  it("keeps the other choices when that combination exists", () => {
    expect(choose(variants, options, { Size: "L", Colour: "Blue" }, "Size", "M")?.id).toBe("m-blue");
  });

  it("moves to the closest variant when the combination does not exist", () => {
    expect(choose(variants, options, { Size: "M", Colour: "Red" }, "Size", "L")?.id).toBe("l-blue");
  });

  it("marks values as available, sold out or not made", () => {
    const current = { Size: "M", Colour: "Red" };
    expect(valueState(variants, current, "Size", "L")).toBe("unavailable");
    expect(valueState(variants, current, "Colour", "Blue")).toBe("out_of_stock");
    expect(valueState(variants, { Size: "L", Colour: "Blue" }, "Size", "L")).toBe("available");
  });
});
