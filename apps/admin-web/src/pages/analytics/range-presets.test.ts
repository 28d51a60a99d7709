import { describe, expect, it } from "vitest";
import {
  addDays,
  analyticsQueryParams,
  defaultGranularity,
  istToday,
  presetRange,
  rangeProblem,
  readAnalyticsQuery,
} from "./range-presets";

// 20:00 UTC on 31 Jan is 01:30 on 1 Feb in India: every preset counts from 1 Feb.
const lateNightUtc = new Date("2026-01-31T20:00:00Z");

describe("analytics range presets", () => {
  it("takes today from India's calendar, not the browser's", () => {
    expect(istToday(lateNightUtc)).toBe("2026-02-01");
    expect(presetRange("today", lateNightUtc)).toEqual({ from: "2026-02-01", to: "2026-02-01" });
  });

  it("counts today among the last n days", () => {
    expect(presetRange("7d", lateNightUtc)).toEqual({ from: "2026-01-26", to: "2026-02-01" });
    expect(presetRange("30d", lateNightUtc)).toEqual({ from: "2026-01-03", to: "2026-02-01" });
    expect(presetRange("12m", lateNightUtc)).toEqual({ from: "2025-02-02", to: "2026-02-01" });
  });

  it("names calendar months, across a year's end and a leap February", () => {
    expect(presetRange("this-month", lateNightUtc)).toEqual({ from: "2026-02-01", to: "2026-02-01" });
    expect(presetRange("last-month", lateNightUtc)).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    const jan = new Date("2026-01-10T06:00:00Z");
    expect(presetRange("last-month", jan)).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    const march2028 = new Date("2028-03-05T06:00:00Z");
    expect(presetRange("last-month", march2028)).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(presetRange("custom", jan)).toBeNull();
  });

  it("adds days across months and years", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("picks a bucket that keeps the chart readable", () => {
    expect(defaultGranularity({ from: "2026-01-01", to: "2026-01-30" })).toBe("day");
    expect(defaultGranularity({ from: "2026-01-01", to: "2026-06-30" })).toBe("week");
    expect(defaultGranularity({ from: "2025-01-01", to: "2026-06-30" })).toBe("month");
  });

  it("reads the period from the URL and falls back to the last 30 days", () => {
    const now = new Date("2026-03-15T06:00:00Z");
    expect(readAnalyticsQuery(new URLSearchParams(), now)).toEqual({
      preset: "30d",
      from: "2026-02-14",
      to: "2026-03-15",
      granularity: "day",
    });
    expect(
      readAnalyticsQuery(new URLSearchParams("range=custom&from=2025-01-01&to=2025-12-31"), now),
    ).toEqual({
      preset: "custom",
      from: "2025-01-01",
      to: "2025-12-31",
      granularity: "week",
    });
    expect(readAnalyticsQuery(new URLSearchParams("range=custom&from=nonsense"), now).preset).toBe("30d");
    expect(readAnalyticsQuery(new URLSearchParams("range=7d&by=month"), now).granularity).toBe("month");
    expect(readAnalyticsQuery(new URLSearchParams("range=forever&by=hour"), now)).toMatchObject({
      preset: "30d",
      granularity: "day",
    });
  });

  it("keeps a preset's name in the URL, and custom dates only for custom", () => {
    const q = { preset: "7d", from: "2026-03-09", to: "2026-03-15", granularity: "day" } as const;
    expect(analyticsQueryParams(q).toString()).toBe("range=7d&by=day");
    expect(analyticsQueryParams({ ...q, preset: "custom" }).toString()).toBe(
      "range=custom&from=2026-03-09&to=2026-03-15&by=day",
    );
  });

  it("names the field of a bad custom range", () => {
    expect(rangeProblem({ from: "", to: "2026-01-01" })).toEqual({
      field: "from",
      message: "Choose a From date",
    });
    expect(rangeProblem({ from: "2026-02-01", to: "2026-01-01" })?.field).toBe("to");
    expect(rangeProblem({ from: "2023-01-01", to: "2026-01-01" })?.message).toMatch(/at most 2 years/);
    expect(rangeProblem({ from: "2024-01-01", to: "2025-12-31" })).toBeNull();
  });
});
