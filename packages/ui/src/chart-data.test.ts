import { formatRupees } from "@bazaar/client/format";
import { describe, expect, it } from "vitest";
import {
  bucketLabel,
  describeChange,
  formatRatio,
  percentChange,
  tickIndexes,
  tickLabel,
  timeSeriesRows,
} from "./chart-data";

describe("bucket labels", () => {
  it("name a day, a week and a month as in India, whatever the machine's zone", () => {
    expect(bucketLabel("2026-03-01", "day")).toBe("1 Mar 2026");
    expect(bucketLabel("2026-03-02", "week")).toBe("Week of 2 Mar 2026");
    expect(bucketLabel("2026-03-01", "month")).toBe("March 2026");
  });

  it("keep axis ticks short for a phone", () => {
    expect(tickLabel("2026-12-31", "day")).toBe("31 Dec");
    expect(tickLabel("2026-12-01", "month")).toBe("Dec 26");
  });
});

describe("tickIndexes", () => {
  it("labels every point of a short series", () => {
    expect(tickIndexes(0)).toEqual([]);
    expect(tickIndexes(4)).toEqual([0, 1, 2, 3]);
  });

  it("labels at most four points of a long one, evenly, the first and the last included", () => {
    expect(tickIndexes(7)).toEqual([0, 2, 4, 6]);
    const ticks = tickIndexes(90);
    expect(ticks).toHaveLength(4);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBe(89);
    expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
  });
});

describe("percentChange", () => {
  it("is relative to the previous period, and null when there was nothing before", () => {
    expect(percentChange(150, 100)).toBe(0.5);
    expect(percentChange(50, 100)).toBe(-0.5);
    expect(percentChange(10, 0)).toBeNull();
  });
});

describe("describeChange", () => {
  const money = { format: formatRupees };

  it("says a rise in revenue is good, with the previous figure", () => {
    const c = describeChange({ value: 150_00, previous: 120_00, change: 0.25 }, money);
    expect(c).toMatchObject({ text: "+25%", tone: "good", arrow: "▲" });
    expect(c.sentence).toBe("Up 25% from ₹120 in the previous period");
  });

  it("rounds to one decimal and uses a true minus sign", () => {
    const c = describeChange({ value: 2, previous: 3, change: -1 / 3 }, money);
    expect(c.text).toBe("−33.3%");
    expect(c.tone).toBe("bad");
  });

  it("turns a rise red when lower is better (returns)", () => {
    const c = describeChange(
      { value: 0.03, previous: 0.02, change: 0.5 },
      { format: formatRatio, lowerIsBetter: true, changeAs: "points" },
    );
    expect(c).toMatchObject({ text: "+1 pt", tone: "bad", arrow: "▲" });
    expect(c.sentence).toBe("Up 1 pt from 2% in the previous period");
  });

  it("reads a rate in percentage points, plural beyond one", () => {
    const c = describeChange(
      { value: 0.1, previous: 0.125, change: -0.2 },
      { format: formatRatio, changeAs: "points" },
    );
    expect(c.text).toBe("−2.5 pts");
  });

  it("calls something from nothing new, and nothing from nothing no change", () => {
    expect(describeChange({ value: 500, previous: 0, change: null }, money)).toMatchObject({
      text: "New",
      tone: "none",
    });
    expect(describeChange({ value: 0, previous: 0, change: null }, money)).toMatchObject({
      text: "No change",
      tone: "flat",
    });
    expect(describeChange({ value: 7, previous: 7, change: 0 }, money).text).toBe("No change");
  });
});

describe("timeSeriesRows", () => {
  const points = [
    { date: "2026-03-01", revenue: 100, orders: 1 },
    { date: "2026-03-02", revenue: 200, orders: 2 },
  ];

  it("lays the previous period beside the current by position; a missing point is null, not zero", () => {
    const rows = timeSeriesRows(points, (p) => ({ revenue: p.revenue }), {
      points: [{ date: "2026-02-28", revenue: 50, orders: 1 }],
      key: "previous",
      value: (p) => p.revenue,
    });
    expect(rows).toEqual([
      { date: "2026-03-01", values: { revenue: 100, previous: 50 } },
      { date: "2026-03-02", values: { revenue: 200, previous: null } },
    ]);
  });
});
