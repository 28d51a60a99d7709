import { toIstParts } from "@bazaar/client/format";
import { type AnalyticsGranularity, MAX_ANALYTICS_RANGE_DAYS, rangeDays } from "@bazaar/schemas";

/**
 * The analytics page's periods. Dates are India calendar dates (`YYYY-MM-DD`, both ends
 * included), as the API takes them: "today" is today in India whatever the browser's zone.
 */
export const RANGE_PRESETS = [
  { value: "today", label: "Today" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "90d", label: "Last 90 days" },
  { value: "this-month", label: "This month" },
  { value: "last-month", label: "Last month" },
  { value: "12m", label: "Last 12 months" },
  { value: "custom", label: "Custom dates" },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]["value"];

export type DateRange = { from: string; to: string };
export type AnalyticsQuery = DateRange & { preset: RangePreset; granularity: AnalyticsGranularity };

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Today's date in India at `now`. */
export function istToday(now: Date): string {
  const p = toIstParts(now);
  return iso(p.year, p.month, p.day);
}

/** `date` moved by whole days (calendar arithmetic in UTC, so no zone or DST shifts a day). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The dates a preset names on the day `now` falls on in India; null for "custom". */
export function presetRange(preset: RangePreset, now: Date): DateRange | null {
  const today = istToday(now);
  const [y, m] = today.split("-").map(Number) as [number, number];
  // The last n days, today included.
  const lastDays = (n: number) => ({ from: addDays(today, -(n - 1)), to: today });
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "7d":
      return lastDays(7);
    case "30d":
      return lastDays(30);
    case "90d":
      return lastDays(90);
    case "this-month":
      return { from: iso(y, m, 1), to: today };
    case "last-month": {
      const first = m === 1 ? iso(y - 1, 12, 1) : iso(y, m - 1, 1);
      return { from: first, to: addDays(iso(y, m, 1), -1) };
    }
    case "12m":
      return lastDays(365);
    case "custom":
      return null;
  }
}

/** The bucket that keeps a chart readable: days up to ~3 months, weeks up to a year, then months. */
export function defaultGranularity(range: DateRange): AnalyticsGranularity {
  const days = rangeDays(range.from, range.to);
  if (days <= 92) return "day";
  if (days <= 366) return "week";
  return "month";
}

const isDate = (s: string | null): s is string =>
  !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
const GRANULARITIES: readonly string[] = ["day", "week", "month"];
const PRESETS: readonly string[] = RANGE_PRESETS.map((p) => p.value);

/**
 * The period in the URL (`?range=30d&by=day`, or `?range=custom&from=…&to=…`), falling back
 * to the last 30 days when it is missing or unreadable. Custom dates are passed on as typed:
 * the API names the field when they are wrong (To before From, more than two years).
 */
export function readAnalyticsQuery(params: URLSearchParams, now: Date): AnalyticsQuery {
  const rawPreset = params.get("range") ?? "30d";
  const preset = (PRESETS.includes(rawPreset) ? rawPreset : "30d") as RangePreset;
  const from = params.get("from");
  const to = params.get("to");
  const custom = preset === "custom" && isDate(from) && isDate(to) ? { from, to } : null;
  const chosen: RangePreset = preset === "custom" && !custom ? "30d" : preset;
  const range = custom ?? (presetRange(chosen, now) as DateRange);
  const by = params.get("by");
  const granularity = (
    by && GRANULARITIES.includes(by) ? by : defaultGranularity(range)
  ) as AnalyticsGranularity;
  return { preset: chosen, ...range, granularity };
}

/** The URL parameters of a query: a preset keeps only its name, so a bookmark rolls with the days. */
export function analyticsQueryParams(q: AnalyticsQuery): URLSearchParams {
  const p = new URLSearchParams({ range: q.preset });
  if (q.preset === "custom") {
    p.set("from", q.from);
    p.set("to", q.to);
  }
  p.set("by", q.granularity);
  return p;
}

/** A problem with custom dates the browser can see before asking (the API says the same). */
export function rangeProblem(range: DateRange): { field: "from" | "to"; message: string } | null {
  if (!isDate(range.from)) return { field: "from", message: "Choose a From date" };
  if (!isDate(range.to)) return { field: "to", message: "Choose a To date" };
  if (range.to < range.from) return { field: "to", message: "To must be on or after From" };
  if (rangeDays(range.from, range.to) > MAX_ANALYTICS_RANGE_DAYS)
    return { field: "to", message: "The range can be at most 2 years (731 days)" };
  return null;
}
