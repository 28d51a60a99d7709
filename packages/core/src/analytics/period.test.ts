import { describe, expect, it } from "vitest";
import { bucketOf, buckets, istDate, monthSplit, period, previousPeriod } from "./period";

describe("analytics periods", () => {
  it("dates an instant in India time: 00:10 IST is the next day while UTC is still on the last", () => {
    expect(istDate(new Date("2026-03-10T18:29:59Z"))).toBe("2026-03-10");
    expect(istDate(new Date("2026-03-10T18:30:00Z"))).toBe("2026-03-11");
  });

  it("compares with the same number of days just before", () => {
    expect(previousPeriod(period("2026-03-01", "2026-03-31"))).toEqual({
      from: "2026-01-29",
      to: "2026-02-28",
      days: 31,
    });
    expect(previousPeriod(period("2024-03-01", "2024-03-01"))).toEqual({
      from: "2024-02-29",
      to: "2024-02-29",
      days: 1,
    });
  });

  it("buckets by Monday weeks and calendar months", () => {
    expect(bucketOf("2026-03-15", "week")).toBe("2026-03-09"); // a Sunday belongs to the Monday before
    expect(bucketOf("2026-03-16", "week")).toBe("2026-03-16");
    expect(buckets(period("2025-12-30", "2026-02-02"), "month")).toEqual([
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
    ]);
  });

  it("splits a range into whole months and the days at either end", () => {
    expect(monthSplit("2026-01-15", "2026-04-10")).toEqual({
      firstMonth: "2026-02-01",
      lastMonth: "2026-03-01",
      head: "2026-01-31",
      tail: "2026-04-01",
    });
    expect(monthSplit("2026-01-01", "2026-12-31")).toEqual({
      firstMonth: "2026-01-01",
      lastMonth: "2026-12-01",
      head: null,
      tail: null,
    });
    expect(monthSplit("2025-12-02", "2026-01-31")).toEqual({
      firstMonth: "2026-01-01",
      lastMonth: "2026-01-01",
      head: "2025-12-31",
      tail: null,
    });
    expect(monthSplit("2026-01-02", "2026-01-31")).toBeNull();
    expect(monthSplit("2026-02-01", "2026-02-27")).toBeNull();
  });
});
