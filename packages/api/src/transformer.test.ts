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

  it("sends plain JSON with Dates as superjson would, without superjson's walk", () => {
    const account = {
      id: "u1",
      createdAt: new Date("2026-11-22T10:20:30.456Z"),
      orders: [{ at: new Date("2026-01-02T00:00:00Z"), lines: [{ n: 1 }] }, { at: null }],
    };
    const fast = transformer.output.serialize(account);
    expect(JSON.parse(JSON.stringify(fast))).toEqual(
      JSON.parse(JSON.stringify(superjson.serialize(account))),
    );
    const back = roundTrip(account) as typeof account;
    expect(back).toEqual(account);
    expect(back.orders[0]!.at).toBeInstanceOf(Date);
  });

  it("falls back to superjson for a Date at the root, under a dotted key, or an invalid one", () => {
    for (const value of [new Date(0), { "a.b": new Date(0) }, { at: new Date(Number.NaN) }])
      expect(transformer.output.serialize(value)).toEqual(superjson.serialize(value));
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
