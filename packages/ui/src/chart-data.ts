// Pure helpers behind the charts (labels, ticks, changes): no React, no recharts, so they are
// tested in Node and the apps can use them in tables and sentences too.
import {
  formatDate,
  formatDayMonth,
  formatMonthYear,
  formatPercent,
  formatShortMonth,
  istDateStart,
} from "@bazaar/client/format";
import type { AnalyticsGranularity } from "@bazaar/schemas";

export type ChartGranularity = AnalyticsGranularity;

/** A bucket's full name for a tooltip or a table row: "1 Mar 2026", "Week of 2 Mar 2026", "March 2026". */
export function bucketLabel(date: string, granularity: ChartGranularity): string {
  const day = istDateStart(date);
  if (granularity === "month") return formatMonthYear(day);
  if (granularity === "week") return `Week of ${formatDate(day)}`;
  return formatDate(day);
}

/** A bucket's axis tick, short enough for a phone: "1 Mar" (days, weeks), "Mar 26" (months). */
export function tickLabel(date: string, granularity: ChartGranularity): string {
  const day = istDateStart(date);
  return granularity === "month" ? formatShortMonth(day) : formatDayMonth(day);
}

/**
 * Which of `count` points get an axis label: at most `max`, evenly spread, always the first and
 * the last, so a 90-day chart on a 360-px phone shows 4 readable dates, not 90 overlapping.
 */
export function tickIndexes(count: number, max = 4): number[] {
  if (count <= 0) return [];
  if (count <= max) return Array.from({ length: count }, (_, i) => i);
  const slots = Math.max(2, max);
  const step = (count - 1) / (slots - 1);
  return [...new Set(Array.from({ length: slots }, (_, i) => Math.round(i * step)))];
}

/** (value − previous) / previous; null when there was nothing before (no percentage of zero). */
export function percentChange(value: number, previous: number): number | null {
  if (previous === 0) return null;
  return (value - previous) / Math.abs(previous);
}

/** A ratio 0..1 as a percentage: 0.125 → "12.5%". */
export const formatRatio = (ratio: number): string => formatPercent(Math.round(ratio * 10_000));

export type ChangeTone = "good" | "bad" | "flat" | "none";

export type ChangeView = {
  /** "+12.5%", "−3%", "+1.2 pts", "No change", "New". */
  text: string;
  tone: ChangeTone;
  /** ▲ ▼ or nothing, shown beside the text (hidden from screen readers; the text says it). */
  arrow: "▲" | "▼" | "";
  /** The whole sentence for screen readers and titles. */
  sentence: string;
};

const signed = (n: number, unit: string) => {
  const rounded = Math.round(n * 10) / 10;
  if (rounded === 0) return null;
  const abs = Math.abs(rounded).toLocaleString("en-IN", { maximumFractionDigits: 1 });
  return `${rounded > 0 ? "+" : "−"}${abs}${unit}`;
};

/**
 * How a figure moved against the previous period. `change` is the server's relative change
 * ((value − previous) / previous, null when previous was 0). Rates (returns rate, refund rate)
 * read better in percentage points (`changeAs: "points"`): 2% → 3% is "+1 pt", not "+50%".
 * `lowerIsBetter` turns a rise red (returns, refunds).
 */
export function describeChange(
  kpi: { value: number; previous: number; change: number | null },
  options: { format: (n: number) => string; lowerIsBetter?: boolean; changeAs?: "percent" | "points" },
): ChangeView {
  const before = `${options.format(kpi.previous)} in the previous period`;
  const diff = kpi.value - kpi.previous;
  let text: string | null;
  if (options.changeAs === "points") {
    const pts = signed(diff * 100, "");
    text = pts === null ? null : `${pts} ${Math.abs(Math.round(diff * 1000) / 10) === 1 ? "pt" : "pts"}`;
  } else if (kpi.change === null) {
    if (kpi.value === 0)
      return { text: "No change", tone: "flat", arrow: "", sentence: `No change from ${before}` };
    return { text: "New", tone: "none", arrow: "", sentence: `Nothing in the previous period` };
  } else {
    text = signed(kpi.change * 100, "%");
  }
  if (text === null || diff === 0)
    return { text: "No change", tone: "flat", arrow: "", sentence: `No change from ${before}` };
  const up = diff > 0;
  const good = up !== Boolean(options.lowerIsBetter);
  return {
    text,
    tone: good ? "good" : "bad",
    arrow: up ? "▲" : "▼",
    sentence: `${up ? "Up" : "Down"} ${text.replace(/^[+−]/, "")} from ${before}`,
  };
}

/** One row of a time-series chart: a bucket's first day (IST) and a value per series key. */
export type TimeSeriesRow = { date: string; values: Record<string, number | null> };

/**
 * Rows for a chart from a dashboard's series: `pick` chooses the figures of a point. When the
 * previous period's series is given, its points are laid beside the current ones by position
 * (day 1 beside day 1) under the key `previous`; a missing point is null, not zero.
 */
export function timeSeriesRows<P extends { date: string }>(
  current: readonly P[],
  pick: (point: P) => Record<string, number>,
  previous?: { points: readonly P[]; key: string; value: (point: P) => number },
): TimeSeriesRow[] {
  return current.map((point, i) => {
    const values: Record<string, number | null> = { ...pick(point) };
    if (previous) {
      const before = previous.points[i];
      values[previous.key] = before ? previous.value(before) : null;
    }
    return { date: point.date, values };
  });
}
