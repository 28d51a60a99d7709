import { CategoryTreeOutput, ProductDetailOutput, ProductListOutput } from "@bazaar/schemas";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileOutputCheck } from "./output-fast-check";

const card = {
  id: "p1",
  slug: "blue-kurta",
  title: "Blue kurta",
  brand: null,
  minPrice: 129_900,
  maxPrice: 149_900,
  compareAtPrice: null,
  currency: "INR",
  imageUrl: "/media/1.webp",
  ratingAvg: 4.25,
  ratingCount: 3,
  inStock: true,
  seller: { slug: "shop", shopName: "Shop" },
};
const page = {
  items: [card, { ...card, id: "p2", brand: "Fab" }],
  nextCursor: "abc",
  facets: {
    categories: [{ slug: "kurtas", name: "Kurtas", count: 2 }],
    brands: [{ brand: "Fab", count: 1 }],
    priceBuckets: [
      { min: 0, max: 50_000, count: 0 },
      { min: 500_000, max: null, count: 2 },
    ],
  },
  total: 2,
  totalIsLowerBound: false,
};

/** What the full check concluded: parsed and structurally the same (keys in order), or not. */
function fullCheck(schema: z.ZodType, v: unknown): boolean {
  const r = schema.safeParse(v);
  return r.success && JSON.stringify(r.data) === JSON.stringify(v) && sameDates(r.data, v);
}
const sameDates = (a: unknown, b: unknown): boolean =>
  a instanceof Date || b instanceof Date
    ? a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    : typeof a !== "object" || a === null
      ? true
      : Object.keys(a).every((k) => sameDates((a as never)[k], (b as never)[k]));

describe("compileOutputCheck", () => {
  const list = compileOutputCheck(ProductListOutput)!;

  it("passes a page our code builds, in place", () => {
    expect(list).not.toBeNull();
    expect(list(page)).toBe(true);
    expect(fullCheck(ProductListOutput, page)).toBe(true);
  });

  it("leaves to the full parse whatever the parse would refuse or change", () => {
    const { brand: _b, ...noBrand } = card;
    const { slug, ...rest } = card;
    const bad: unknown[] = [
      { ...page, total: 1.5 },
      { ...page, total: Number.NaN },
      { ...page, nextCursor: undefined },
      { ...page, extra: 1 },
      { ...page, items: [{ ...card, currency: "USD" }] },
      { ...page, items: [noBrand] },
      { ...page, items: [{ ...rest, slug }] }, // keys out of the schema's order
      { ...page, items: [{ ...card, seller: { slug: "s", shopName: "S", id: "x" } }] },
      { ...page, items: [{ ...card, ratingAvg: Number.POSITIVE_INFINITY }] },
      { ...page, items: [{ ...card, minPrice: 2 ** 60 }] },
      { ...page, items: [card, undefined, card] },
      { ...page, facets: null },
      [],
      null,
    ];
    for (const v of bad) {
      expect(list(v)).toBe(false);
      expect(fullCheck(ProductListOutput, v)).toBe(false);
    }
    // Not a plain object: not sure, so parsed in full.
    expect(list(Object.assign(Object.create({ inherited: 1 }), page))).toBe(false);
  });

  it("knows optional keys, records, dates and recursive schemas", () => {
    const detail = compileOutputCheck(ProductDetailOutput);
    expect(detail).not.toBeNull();
    const tree = compileOutputCheck(CategoryTreeOutput)!;
    const node = { id: "c", name: "C", slug: "c", position: 0, parentId: null, children: [] };
    const nested = [{ ...node, children: [{ ...node, parentId: "c" }] }];
    expect(tree(nested)).toBe(true);
    expect(tree([{ ...node, children: [{ ...node, position: "0" }] }])).toBe(false);

    const S = z.object({
      at: z.date(),
      when: z.date().nullable().optional(),
      tags: z.record(z.string(), z.string()),
      kind: z.enum(["a", "b"]),
    });
    const s = compileOutputCheck(S)!;
    const ok = { at: new Date(0), tags: { x: "y" }, kind: "a" };
    for (const v of [
      ok,
      { at: new Date(0), when: null, tags: {}, kind: "a" },
      { at: new Date(0), when: new Date(1), tags: {}, kind: "b" },
    ]) {
      expect(s(v)).toBe(true);
      expect(fullCheck(S, v)).toBe(true);
    }
    for (const v of [
      { ...ok, at: new Date(Number.NaN) },
      { ...ok, when: null }, // keys out of order
      { at: new Date(0), when: undefined, tags: {}, kind: "a" },
      { ...ok, tags: { x: 1 } },
      { ...ok, kind: "c" },
    ])
      expect(s(v)).toBe(false);
  });

  it("leaves schemas that may change a value to the full parse", () => {
    expect(compileOutputCheck(z.object({ n: z.number() }).transform((v) => v))).toBeNull();
    expect(compileOutputCheck(z.object({ n: z.number().default(1) }))).toBeNull();
    expect(compileOutputCheck(z.object({ n: z.union([z.object({}), z.string()]) }))).toBeNull();
    expect(compileOutputCheck(z.object({ n: z.number() }).strict())).toBeNull();
    expect(compileOutputCheck(z.object({ a: z.array(z.string()).min(1) }))).toBeNull();
    // Formats and coercion are zod's to judge: an email, an int, a coerced number.
    const formats = compileOutputCheck(
      z.object({ e: z.email(), i: z.int(), c: z.coerce.number(), r: z.record(z.string(), z.number().int()) }),
    )!;
    expect(formats({ e: "a@b.in", i: 3, c: 1, r: { x: 1 } })).toBe(true);
    expect(formats({ e: "not an email", i: 3, c: 1, r: {} })).toBe(false);
    expect(formats({ e: "a@b.in", i: 3.5, c: 1, r: {} })).toBe(false);
    expect(formats({ e: "a@b.in", i: 3, c: "1", r: {} })).toBe(false);
    expect(formats({ e: "a@b.in", i: 3, c: 1, r: { x: 1.5 } })).toBe(false);
    // A leaf check zod runs itself, and only an identical result counts.
    const trimmed = compileOutputCheck(z.object({ s: z.string().trim().min(1) }))!;
    expect(trimmed({ s: "a" })).toBe(true);
    expect(trimmed({ s: " a " })).toBe(false);
    expect(trimmed({ s: "" })).toBe(false);
  });
});
