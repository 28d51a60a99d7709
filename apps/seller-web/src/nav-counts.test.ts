import { describe, expect, it } from "vitest";
import { countOf, withCount } from "./nav-counts";

describe("withCount", () => {
  it("adds the count of what waits, with a plus when there are more pages", () => {
    expect(withCount("Returns", { items: [1, 2, 3], nextCursor: null })).toBe("Returns (3)");
    expect(withCount("Questions", { items: Array(20).fill(0), nextCursor: "x" })).toBe("Questions (20+)");
  });

  it("adds nothing while loading or when nothing waits", () => {
    expect(withCount("Returns", undefined)).toBe("Returns");
    expect(withCount("Returns", { items: [], nextCursor: null })).toBe("Returns");
  });
});

describe("countOf", () => {
  it("counts the first page, zero included, and nothing while loading", () => {
    expect(countOf({ items: [], nextCursor: null })).toBe("0");
    expect(countOf({ items: [1], nextCursor: "c" })).toBe("1+");
    expect(countOf(undefined)).toBeNull();
  });
});
