// The analytics page's period: a preset (last 7, 30 or 90 days, today included) or a custom
// range, in India calendar days, and how the chart buckets it. It lives in the URL
// (?days=30, or ?from=…&to=…, plus &by=week), so a view survives a reload.
import { toIstParts } from "@bazaar/client/format";
import { type AnalyticsGranularity, MAX_ANALYTICS_RANGE_DAYS, rangeDays } from "@bazaar/schemas";

export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const GRANULARITIES: readonly AnalyticsGranularity[] = ["day", "week", "month"];

export type AnalyticsView = {
  /** The preset chosen, or null for a custom range. */
  preset: RangePreset | null;
  from: string;
  to: string;
  granularity: AnalyticsGranularity;
};

const pad = (n: number) => String(n).padStart(2, "0");

/** Today's date in India, `YYYY-MM-DD`. */
export function istToday(now: Date): string {
  const p = toIstParts(now);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** A calendar date `days` later (or earlier, when negative). */
export function addDays(date: string, days: number): string {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The last `days` days in India, today included. */
export function presetRange(days: number, now: Date): { from: string; to: string } {
  const to = istToday(now);
  return { from: addDays(to, -(days - 1)), to };
}

/** Days for short ranges, weeks up to about six months, months beyond: a readable number of points. */
export function defaultGranularity(from: string, to: string): AnalyticsGranularity {
  const days = rangeDays(from, to);
  if (days <= 31) return "day";
  if (days <= 190) return "week";
  return "month";
}

const isDate = (s: string | null): s is string =>
  !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** What a custom range gets wrong, per field, before asking the server; null when it is fine. */
export function customRangeError(from: string, to: string): { field: "from" | "to"; message: string } | null {
  if (!isDate(from)) return { field: "from", message: "Choose the first day" };
  if (!isDate(to)) return { field: "to", message: "Choose the last day" };
  if (to < from) return { field: "to", message: "The last day must be on or after the first" };
  if (rangeDays(from, to) > MAX_ANALYTICS_RANGE_DAYS)
    return { field: "to", message: "The range can be at most 2 years (731 days)" };
  return null;
}

/** The view a URL names; a bad or missing range falls back to the last 30 days. */
export function readAnalyticsView(params: URLSearchParams, now: Date): AnalyticsView {
  const by = params.get("by");
  const chosen = GRANULARITIES.find((g) => g === by);
  const from = params.get("from");
  const to = params.get("to");
  if (isDate(from) && isDate(to) && !customRangeError(from, to))
    return { preset: null, from, to, granularity: chosen ?? defaultGranularity(from, to) };
  const days = Number(params.get("days"));
  const preset = RANGE_PRESETS.find((p) => p === days) ?? 30;
  const range = presetRange(preset, now);
  return { preset, ...range, granularity: chosen ?? defaultGranularity(range.from, range.to) };
}

export function analyticsViewParams(v: AnalyticsView): URLSearchParams {
  const params = new URLSearchParams();
  if (v.preset) params.set("days", String(v.preset));
  else {
    params.set("from", v.from);
    params.set("to", v.to);
  }
  params.set("by", v.granularity);
  return params;
}
