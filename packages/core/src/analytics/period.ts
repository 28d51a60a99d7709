import type { AnalyticsGranularity, AnalyticsPeriodDto, KpiDto } from "@bazaar/schemas";

// Dates here are India calendar dates as `YYYY-MM-DD` strings. India keeps UTC+5:30 all year
// (no daylight saving), so a fixed offset is exact.

const IST_OFFSET_MS = 330 * 60 * 1000;
const DAY_MS = 86_400_000;

/** The India date at an instant. */
export const istDate = (at: Date) => new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);

/** The instant an India date begins. */
export const istStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - IST_OFFSET_MS);

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;

export const period = (from: string, to: string): AnalyticsPeriodDto => ({
  from,
  to,
  days: daysBetween(from, to),
});

/** The same number of days just before `p`. */
export function previousPeriod(p: AnalyticsPeriodDto): AnalyticsPeriodDto {
  const to = addDays(p.from, -1);
  return { from: addDays(to, -(p.days - 1)), to, days: p.days };
}

/** The first day of the bucket holding `day`: itself, its week's Monday, or its month's 1st. */
export function bucketOf(day: string, granularity: AnalyticsGranularity): string {
  if (granularity === "day") return day;
  if (granularity === "month") return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

/** Every bucket's first day, in order, for the buckets that touch `p`. */
export function buckets(p: AnalyticsPeriodDto, granularity: AnalyticsGranularity): string[] {
  const out: string[] = [];
  for (let day = p.from; day <= p.to; day = addDays(day, 1)) {
    const b = bucketOf(day, granularity);
    if (out[out.length - 1] !== b) out.push(b);
  }
  return out;
}

export const kpi = (value: number, previous: number): KpiDto => ({
  value,
  previous,
  change: previous === 0 ? null : (value - previous) / previous,
});

/** a / b, or 0 when there is nothing to divide by. */
export const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
/** Paise per order, rounded down. */
export const perOrder = (amount: number, orders: number) => (orders === 0 ? 0 : Math.floor(amount / orders));

/** Adds up daily rows that fall in `p`. */
export function total<R extends { day: string }>(
  rows: R[],
  p: AnalyticsPeriodDto,
  keys: readonly (keyof R)[],
): Record<keyof R, number> {
  const sum = Object.fromEntries(keys.map((k) => [k, 0])) as Record<keyof R, number>;
  for (const r of rows) if (r.day >= p.from && r.day <= p.to) for (const k of keys) sum[k] += Number(r[k]);
  return sum;
}

/**
 * The whole months inside `from`..`to` (first days of the first and last), and the days
 * before and after them: `head` is the last day before the first whole month (the range
 * starts at `from`), `tail` the first day after the last one (the range ends at `to`).
 * Null when no whole month fits.
 */
export function monthSplit(
  from: string,
  to: string,
): { firstMonth: string; lastMonth: string; head: string | null; tail: string | null } | null {
  const nextMonth = (month: string) => {
    const [y, m] = month.split("-").map(Number) as [number, number];
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
  };
  const firstMonth = from.endsWith("-01") ? from : nextMonth(from.slice(0, 7));
  const afterTo = addDays(to, 1);
  const end = afterTo.endsWith("-01") ? afterTo : `${to.slice(0, 7)}-01`; // first day not wholly covered
  if (firstMonth >= end) return null;
  const lastMonth = `${addDays(end, -1).slice(0, 7)}-01`;
  return {
    firstMonth,
    lastMonth,
    head: firstMonth > from ? addDays(firstMonth, -1) : null,
    tail: end <= to ? end : null,
  };
}
