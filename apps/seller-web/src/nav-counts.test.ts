import { describe, expect, it } from "vitest";
import { withCount } from "./nav-counts";

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
