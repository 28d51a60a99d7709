import { describe, expect, it } from "vitest";
import {
  buildVariants,
  combinations,
  comboKey,
  draftsFromVariants,
  emptyVariant,
  matrixErrors,
  splitValues,
  suggestSku,
  toOptions,
} from "./variants";

const options = [
  { name: "Size", values: ["M", "L"] },
  { name: "Colour", values: ["Red", "Blue"] },
];

describe("variant matrix", () => {
  it("parses option values and leaves out empty options", () => {
    expect(splitValues(" M, L ,, m, XL")).toEqual(["M", "L", "XL"]);
    expect(
      toOptions([
        { key: "a", name: " Size ", valuesText: "M, L" },
        { key: "b", name: "", valuesText: "" },
      ]),
    ).toEqual([{ name: "Size", values: ["M", "L"] }]);
  });

  it("makes one row per combination, with a stable key", () => {
    const combos = combinations(options);
    expect(combos).toEqual([
      { Size: "M", Colour: "Red" },
      { Size: "M", Colour: "Blue" },
      { Size: "L", Colour: "Red" },
      { Size: "L", Colour: "Blue" },
    ]);
    expect(combinations([])).toEqual([{}]);
    expect(comboKey(options, { Colour: "Red", Size: "M" })).toBe(
      comboKey(options, { Size: "M", Colour: "Red" }),
    );
  });

  it("builds a payload in whole paise and reports every bad cell", () => {
    const rows = combinations(options.slice(0, 1)).map((values, i) => ({
      key: comboKey(options.slice(0, 1), values),
      values,
      draft: {
        ...emptyVariant(),
        sku: `S-${i}`,
        price: i ? "1,299" : "899.50",
        compareAt: i ? "" : "1199",
        initialStock: "5",
      },
    }));
    const ok = buildVariants(rows);
    expect(ok).toEqual({
      ok: true,
      keys: ['["M"]', '["L"]'],
      variants: [
        {
          sku: "S-0",
          optionValues: { Size: "M" },
          price: 89950,
          compareAtPrice: 119900,
          weightGrams: null,
          stock: 5,
        },
        {
          sku: "S-1",
          optionValues: { Size: "L" },
          price: 129900,
          compareAtPrice: null,
          weightGrams: null,
          stock: 5,
        },
      ],
    });
    const bad = buildVariants([
      { key: "k", values: {}, draft: { ...emptyVariant(), price: "12.345", compareAt: "1", weight: "2.5" } },
    ]);
    expect(bad).toEqual({
      ok: false,
      errors: {
        "k.price": "At most two digits after the point (paise)",
        "k.weight": "Weight is a whole number",
        "k.sku": "SKU is required",
      },
    });
    expect(buildVariants([{ key: "k", values: {}, draft: { ...emptyVariant(), enabled: false } }])).toEqual({
      ok: false,
      errors: { _matrix: "Include at least one variant" },
    });
  });

  it("does not send stock for an existing variant", () => {
    const rows = draftsFromVariants(options.slice(0, 1), [
      {
        id: "v1",
        sku: "A",
        optionValues: { Size: "M" },
        price: 50,
        compareAtPrice: null,
        stock: 7,
        weightGrams: 200,
        position: 0,
      },
    ]);
    expect(rows['["M"]']).toMatchObject({ id: "v1", price: "0.50", weight: "200", stock: 7 });
    // L was not sold: it stays unticked instead of asking for a SKU and price.
    expect(rows['["L"]']).toMatchObject({ enabled: false, sku: "" });
    const built = buildVariants([
      { key: '["M"]', values: { Size: "M" }, draft: { ...rows['["M"]']!, initialStock: "9" } },
    ]);
    expect(built.ok && built.variants[0]).toEqual({
      id: "v1",
      sku: "A",
      optionValues: { Size: "M" },
      price: 50,
      compareAtPrice: null,
      weightGrams: 200,
    });
  });

  it("maps server field errors back onto rows", () => {
    expect(
      matrixErrors(
        {
          "variants.1.sku": "SKU is used twice",
          "variants.0.optionValues.Size": "Choose a Size",
          title: "x",
        },
        ["a", "b"],
      ),
    ).toEqual({ "b.sku": "SKU is used twice", "a.row": "Choose a Size" });
  });

  it("suggests SKUs from the title and values", () => {
    expect(suggestSku("Handloom Cotton Saree, 6 m", { Size: "M", Colour: "Sky Blue" })).toBe(
      "HANDLOOM-COTTON-SAREE-M-SKY-BLUE",
    );
  });
});
