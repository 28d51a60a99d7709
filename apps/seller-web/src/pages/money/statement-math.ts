// The statement's arithmetic as the seller reads it: opening + credits − debits = closing.
import { formatRupees, toIstParts } from "@bazaar/client/format";

/** `YYYY-MM` of the month in India that `now` falls in, and the `count − 1` months before it, newest first. */
export function recentMonths(now: Date, count: number): string[] {
  const { year, month } = toIstParts(now);
  return Array.from({ length: count }, (_, i) => {
    const m = year * 12 + (month - 1) - i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
  });
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-03" → "March 2026". */
export function monthName(month: string): string {
  const [y, m] = month.split("-");
  return `${MONTHS[Number(m) - 1] ?? month} ${y}`;
}

type Totals = { opening: number; credits: number; debits: number; closing: number };

/** Whether the statement adds up to the paisa. */
export const reconciles = (s: Totals): boolean => s.opening + s.credits - s.debits === s.closing;

/** "₹1,000 + ₹500 − ₹200 = ₹1,300", the line under the summary. */
export function statementEquation(s: Totals): string {
  return `${formatRupees(s.opening)} + ${formatRupees(s.credits)} − ${formatRupees(s.debits)} = ${formatRupees(s.closing)}`;
}

/** A statement line's amount, signed the way a bank statement reads: "+₹500", "−₹40", "" for zero. */
export function lineAmount(line: { credit: number; debit: number }): string {
  const net = line.credit - line.debit;
  if (net === 0) return "";
  return `${net > 0 ? "+" : "−"}${formatRupees(Math.abs(net))}`;
}

/** The file the statement downloads as, when the server does not name it. */
export const statementFilename = (month: string, format: "csv" | "pdf") =>
  `bazaar-statement-${month}.${format}`;

/**
 * Where the server serves a month's statement file. The ledger's HTTP route: one place to
 * change if it moves.
 */
export const statementUrl = (month: string, format: "csv" | "pdf") =>
  `/api/statements/${encodeURIComponent(month)}.${format}`;
