import { describe, expect, it } from "vitest";
import { starsText } from "./stars";

describe("starsText", () => {
  it("fills one star per point, always five in all", () => {
    expect(starsText(4)).toBe("★★★★☆");
    expect(starsText(5)).toBe("★★★★★");
    expect(starsText(1)).toBe("★☆☆☆☆");
  });

  it("rounds averages and keeps within 0 to 5", () => {
    expect(starsText(3.6)).toBe("★★★★☆");
    expect(starsText(0)).toBe("☆☆☆☆☆");
    expect(starsText(7)).toBe("★★★★★");
  });
});
