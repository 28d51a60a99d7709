import { describe, expect, it } from "vitest";
import {
  addDays,
  analyticsViewParams,
  customRangeError,
  defaultGranularity,
  istToday,
  presetRange,
  readAnalyticsView,
} from "./analytics-range";

// 20:00 UTC on 31 March is already 1 April in India.
const lateNightUtc = new Date("2026-03-31T20:00:00Z");

describe("range presets", () => {
  it("count days in India, today included", () => {
    expect(istToday(lateNightUtc)).toBe("2026-04-01");
    expect(presetRange(7, lateNightUtc)).toEqual({ from: "2026-03-26", to: "2026-04-01" });
    expect(presetRange(30, lateNightUtc)).toEqual({ from: "2026-03-03", to: "2026-04-01" });
    expect(presetRange(90, lateNightUtc).from).toBe("2026-01-02");
  });

  it("step over month and leap-year ends", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});

describe("defaultGranularity", () => {
  it("keeps a readable number of points", () => {
    expect(defaultGranularity("2026-03-01", "2026-03-31")).toBe("day");
    expect(defaultGranularity("2026-01-01", "2026-03-31")).toBe("week");
    expect(defaultGranularity("2025-04-01", "2026-03-31")).toBe("month");
  });
});

describe("customRangeError", () => {
  it("names the field that is wrong", () => {
    expect(customRangeError("", "2026-03-01")).toEqual({ field: "from", message: "Choose the first day" });
    expect(customRangeError("2026-03-05", "2026-03-01")?.field).toBe("to");
    expect(customRangeError("2024-01-01", "2026-03-01")?.message).toMatch(/at most 2 years/);
    expect(customRangeError("2026-02-30", "2026-03-01")?.field).toBe("from");
    expect(customRangeError("2026-03-01", "2026-03-01")).toBeNull();
  });
});

describe("the view in the URL", () => {
  it("defaults to the last 30 days by day", () => {
    expect(readAnalyticsView(new URLSearchParams(), lateNightUtc)).toEqual({
      preset: 30,
      from: "2026-03-03",
      to: "2026-04-01",
      granularity: "day",
    });
  });

  it("reads a preset, a custom range and a chosen granularity, and writes them back", () => {
    const preset = readAnalyticsView(new URLSearchParams("days=90"), lateNightUtc);
    expect(preset).toMatchObject({ preset: 90, granularity: "week" });
    const custom = readAnalyticsView(
      new URLSearchParams("from=2026-01-01&to=2026-01-31&by=week"),
      lateNightUtc,
    );
    expect(custom).toEqual({ preset: null, from: "2026-01-01", to: "2026-01-31", granularity: "week" });
    expect(analyticsViewParams(custom).toString()).toBe("from=2026-01-01&to=2026-01-31&by=week");
    expect(analyticsViewParams(preset).toString()).toBe("days=90&by=week");
  });

  it("falls back to the default when the URL's range is impossible", () => {
    const v = readAnalyticsView(new URLSearchParams("from=2026-05-01&to=2026-04-01&days=12"), lateNightUtc);
    expect(v.preset).toBe(30);
  });
});
