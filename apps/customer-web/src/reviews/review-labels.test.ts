import { describe, expect, it } from "vitest";
import { averageText, helpfulText, histogramBars, ineligibleText, starsText } from "./review-labels";

const summary = (counts: [number, number, number, number, number]) => ({
  count: counts.reduce((a, b) => a + b, 0),
  histogram: ([5, 4, 3, 2, 1] as const).map((stars, i) => ({ stars, count: counts[i]! })),
});

describe("histogramBars", () => {
  it("gives five bars, 5 stars first, with shares adding up to 100", () => {
    const bars = histogramBars(summary([1, 1, 1, 0, 0]));
    expect(bars.map((b) => b.stars)).toEqual([5, 4, 3, 2, 1]);
    expect(bars.map((b) => b.percent)).toEqual([34, 33, 33, 0, 0]);
  });

  it("shows every bar with reviews as at least 1%", () => {
    const bars = histogramBars(summary([299, 0, 0, 0, 1]));
    expect(bars.map((b) => b.percent)).toEqual([99, 0, 0, 0, 1]);
    expect(bars.reduce((n, b) => n + b.percent, 0)).toBe(100);
  });

  it("is all zeros before the first review", () => {
    expect(histogramBars(summary([0, 0, 0, 0, 0])).map((b) => b.percent)).toEqual([0, 0, 0, 0, 0]);
  });

  it("always sums to 100 over many shapes", () => {
    for (let seed = 1; seed < 300; seed++) {
      const counts = [0, 1, 2, 3, 4].map((i) => ((seed * (i + 7) * 31) % 97) * (i % 2 ? 1 : 3)) as [
        number,
        number,
        number,
        number,
        number,
      ];
      const bars = histogramBars(summary(counts));
      const total = bars.reduce((n, b) => n + b.percent, 0);
      expect(total).toBe(counts.some((c) => c > 0) ? 100 : 0);
      for (const b of bars) expect(b.count > 0 ? b.percent >= 1 : b.percent === 0).toBe(true);
    }
  });
});

describe("review labels", () => {
  it("reads stars, averages, helpful counts and why one cannot review", () => {
    expect(starsText(4)).toBe("★★★★☆");
    expect(averageText(4.25, 12)).toBe("4.3 out of 5");
    expect(averageText(0, 0)).toBe("No reviews yet");
    expect(helpfulText(0)).toBeNull();
    expect(helpfulText(1)).toBe("1 person found this helpful");
    expect(helpfulText(3)).toBe("3 people found this helpful");
    expect(ineligibleText("not_delivered")).toMatch(/bought and received/);
    expect(ineligibleText(null)).toBeNull();
  });
});
