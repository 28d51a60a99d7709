/**
 * Money, numbers, dates and times as every Bazaar client shows them: Indian English, rupees,
 * India Standard Time. Imported as `@bazaar/client/format`; it imports nothing (no React, no
 * DOM), so the web apps, the Expo app and a test in Node all read the same text.
 *
 * Rules:
 * - Money arrives as integer paise. `formatRupees` shows Indian digit grouping (₹1,23,456)
 *   and shows paise only when there are some: "₹1,299" but "₹899.50", never "₹1,299.00",
 *   the way Indian shops print prices. A fraction of a paisa (only a computed average could
 *   carry one) rounds half away from zero to whole paise first.
 * - Dates and times are always shown in Asia/Kolkata, whatever the device or server zone:
 *   an order placed at 23:45 UTC reads as the next morning in Bengaluru, in London and in CI.
 */

/** The one time zone Bazaar shows and reads times in. */
export const IST_TIME_ZONE = "Asia/Kolkata";
const LOCALE = "en-IN";

// Formatters are built once: constructing an Intl formatter costs far more than using one.
const rupeesWhole = new Intl.NumberFormat(LOCALE, {
  style: "currency",
  currency: "INR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const rupeesWithPaise = new Intl.NumberFormat(LOCALE, { style: "currency", currency: "INR" });
const count = new Intl.NumberFormat(LOCALE);
const percent = new Intl.NumberFormat(LOCALE, { style: "percent", maximumFractionDigits: 2 });
const date = new Intl.DateTimeFormat(LOCALE, { timeZone: IST_TIME_ZONE, dateStyle: "medium" });
const longDate = new Intl.DateTimeFormat(LOCALE, { timeZone: IST_TIME_ZONE, dateStyle: "long" });
const monthYear = new Intl.DateTimeFormat(LOCALE, {
  timeZone: IST_TIME_ZONE,
  month: "long",
  year: "numeric",
});
const dateTime = new Intl.DateTimeFormat(LOCALE, {
  timeZone: IST_TIME_ZONE,
  dateStyle: "medium",
  timeStyle: "short",
});

/**
 * 129900 → "₹1,299"; 89950 → "₹899.50"; 1234567800 → "₹1,23,45,678"; -5000 → "-₹50".
 * The amount reaches Intl as a decimal string built from whole paise, so no division by 100
 * turns ₹1,23,45,678.91 into a float that rounds the wrong way.
 */
export function formatRupees(paise: number): string {
  const whole = Math.round(Math.abs(paise));
  // A sign only when something is left after rounding: -0.4 paise is "₹0", not "-₹0".
  const sign = paise < 0 && whole > 0 ? "-" : "";
  const rupees = Math.trunc(whole / 100);
  const rest = whole % 100;
  if (rest === 0) return rupeesWhole.format(`${sign}${rupees}` as Intl.StringNumericLiteral);
  return rupeesWithPaise.format(
    `${sign}${rupees}.${String(rest).padStart(2, "0")}` as Intl.StringNumericLiteral,
  );
}

/** An amount taken off, with a true minus sign: 5000 → "−₹50" (a sale saving, a coupon). */
export const formatDiscount = (paise: number): string => `−${formatRupees(Math.abs(paise))}`;

/** 123456 → "1,23,456": counts of products, ratings, uses. */
export const formatCount = (n: number): string => count.format(n);

/** Basis points as a percentage: 1250 → "12.5%", 1800 → "18%", 5 → "0.05%". */
export const formatPercent = (bps: number): string => percent.format(bps / 10_000);

/** "1 Mar 2025", the day in India. */
export const formatDate = (at: Date): string => date.format(at);

/** "1 March 2025". */
export const formatLongDate = (at: Date): string => longDate.format(at);

/** "March 2025". */
export const formatMonthYear = (at: Date): string => monthYear.format(at);

/** "1 Mar 2025, 6:30 pm", the time in India. */
export const formatDateTime = (at: Date): string => dateTime.format(at);

/** A wall-clock time in India, months from 1. */
export type IstParts = { year: number; month: number; day: number; hour: number; minute: number };

/*
 * India has kept UTC+05:30 without daylight saving since 1945, so converting between an
 * instant and Indian wall-clock time is a fixed shift. (Intl can format in a zone but not
 * parse from one; a fixed offset is exact here and needs no zone data.)
 */
const IST_OFFSET_MS = (5 * 60 + 30) * 60_000;

/** The wall-clock time in India at `at`: what a form field for a time shows. */
export function toIstParts(at: Date): IstParts {
  const shifted = new Date(at.getTime() + IST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/**
 * The instant a wall-clock time in India names, or null when no such day exists
 * (31 February, month 13, 24:00).
 */
export function fromIstParts(p: IstParts & { second?: number }): Date | null {
  const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second ?? 0);
  const check = new Date(utc);
  // Date.UTC rolls 31 February over to 3 March; a rolled-over day does not exist.
  if (
    check.getUTCFullYear() !== p.year ||
    check.getUTCMonth() !== p.month - 1 ||
    check.getUTCDate() !== p.day ||
    check.getUTCHours() !== p.hour ||
    check.getUTCMinutes() !== p.minute
  )
    return null;
  return new Date(utc - IST_OFFSET_MS);
}

// ---- charts and dashboards: short labels where space is tight (axis ticks on a phone) ----------

const rupeesCompact = new Intl.NumberFormat(LOCALE, {
  notation: "compact",
  style: "currency",
  currency: "INR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const countCompact = new Intl.NumberFormat(LOCALE, {
  notation: "compact",
  minimumFractionDigits: 0,
  maximumFractionDigits: 1,
});
const dayMonth = new Intl.DateTimeFormat(LOCALE, { timeZone: IST_TIME_ZONE, day: "numeric", month: "short" });
const shortMonth = new Intl.DateTimeFormat(LOCALE, {
  timeZone: IST_TIME_ZONE,
  month: "short",
  year: "2-digit",
});

/** An axis label, in Indian units: 12345600 → "₹1.2L", 1234567800 → "₹1.2Cr", 95000 → "₹950". */
export const formatRupeesCompact = (paise: number): string => rupeesCompact.format(Math.round(paise) / 100);

/** 1234 → "1.2K", 123456 → "1.2L". */
export const formatCountCompact = (n: number): string => countCompact.format(n);

/** "1 Mar", the day in India: a chart's day ticks. */
export const formatDayMonth = (at: Date): string => dayMonth.format(at);

/** "Mar 26": a chart's month ticks. */
export const formatShortMonth = (at: Date): string => shortMonth.format(at);

/** The first instant of an India calendar date written `YYYY-MM-DD` (as the dashboards send it). */
export const istDateStart = (isoDate: string): Date => new Date(`${isoDate}T00:00:00.000+05:30`);
