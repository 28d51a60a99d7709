import type { ProductDetailDto, VariantDto } from "@bazaar/schemas";
import { timeLeft } from "./countdown";
import { mergeMessage } from "./messages";
import { available, currentPrice, initialPick, variantFor } from "./variants";

const v = (
  id: string,
  size: string,
  colour: string,
  stock: number,
  extra: Partial<VariantDto> = {},
): VariantDto => ({
  id,
  sku: id,
  optionValues: { Size: size, Colour: colour },
  price: 99_900,
  compareAtPrice: null,
  stock,
  weightGrams: null,
  position: 0,
  ...extra,
});
const product = {
  options: [
    { name: "Size", values: ["S", "M"] },
    { name: "Colour", values: ["Red", "Blue"] },
  ],
  variants: [v("a", "S", "Red", 0), v("b", "M", "Red", 3), v("c", "S", "Blue", 2)],
} as unknown as ProductDetailDto;

describe("the variant picker", () => {
  it("starts on the first variant in stock and finds the variant of every pick", () => {
    expect(initialPick(product)).toEqual({ Size: "M", Colour: "Red" });
    expect(variantFor(product, { Size: "S", Colour: "Blue" })?.id).toBe("c");
    expect(variantFor(product, { Size: "M", Colour: "Blue" })).toBeUndefined();
  });

  it("marks values that lead to nothing in stock", () => {
    const picked = { Size: "S", Colour: "Blue" };
    expect(available(product, picked, "Colour", "Red")).toBe(false); // S/Red is sold out
    expect(available(product, picked, "Size", "M")).toBe(false); // M/Blue is not sold
    expect(available(product, { Size: "M", Colour: "Blue" }, "Colour", "Red")).toBe(true);
  });
});

describe("prices and the sale countdown", () => {
  const now = new Date("2026-12-07T10:00:00Z");
  it("charges the sale price until the sale ends, then the regular one", () => {
    const ends = new Date("2026-12-08T12:30:00Z");
    const onSale = v("s", "S", "Red", 1, { salePrice: 79_900, saleEndsAt: ends });
    expect(currentPrice(onSale, now)).toEqual({ price: 79_900, was: 99_900, saleEndsAt: ends });
    expect(currentPrice(onSale, new Date("2026-12-09T00:00:00Z"))).toEqual({
      price: 99_900,
      was: null,
      saleEndsAt: null,
    });
  });

  it("counts down in days, hours, minutes and seconds, and stops at the end", () => {
    expect(timeLeft(new Date("2026-12-08T12:30:00Z"), now)).toBe("1d 2h");
    expect(timeLeft(new Date("2026-12-07T13:05:00Z"), now)).toBe("3h 5m");
    expect(timeLeft(new Date("2026-12-07T10:04:09Z"), now)).toBe("4m 09s");
    expect(timeLeft(now, now)).toBeNull();
  });
});

describe("the cart merge message", () => {
  it("says how many items came over and which were capped", () => {
    expect(mergeMessage({ linesAdded: 1, linesCombined: 0, capped: [] })).toBe(
      "We added 1 item from your guest cart to your cart.",
    );
    expect(
      mergeMessage({
        linesAdded: 0,
        linesCombined: 1,
        capped: [{ variantId: "x", title: "Brass Diya", requested: 12, kept: 10 }],
      }),
    ).toBe(
      "We added 1 item from your guest cart to your cart. Brass Diya: kept 10 of 12 (that is all we can sell you).",
    );
    expect(mergeMessage({ linesAdded: 0, linesCombined: 0, capped: [] })).toBeNull();
  });
});
