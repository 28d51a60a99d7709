import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { transformer } from "./transformer";

const roundTrip = (v: unknown) =>
  superjson.deserialize(JSON.parse(JSON.stringify(transformer.output.serialize(v))) as never);

describe("output transformer", () => {
  it("sends plain JSON without meta and superjson clients read it unchanged", () => {
    const page = { items: [{ id: "a", price: 89_900, tags: ["x"], brand: null }], nextCursor: null };
    expect(transformer.output.serialize(page)).toEqual({ json: page });
    expect(roundTrip(page)).toEqual(page);
  });

  it("falls back to superjson for dates, undefined, NaN and other non-JSON values", () => {
    const value = { at: new Date("2026-11-22T00:00:00Z"), gone: undefined, n: Number.NaN, big: 1n };
    expect(transformer.output.serialize(value)).toHaveProperty("meta");
    const back = roundTrip(value) as typeof value;
    expect(back.at).toEqual(value.at);
    expect(back).toHaveProperty("gone", undefined);
    expect(back.n).toBeNaN();
    expect(back.big).toBe(1n);
  });
});
