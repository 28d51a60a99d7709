import { formatCount } from "@bazaar/client/format";

/** Percentages and counts typed into forms, turned into the integers the API takes. */

export type ParsedPercent = { ok: true; bps: number } | { ok: false; error: string };

/**
 * "12.5" → 1250 basis points, by string arithmetic so no float reaches a payload. Accepts
 * "12.5%", "0.25", "100"; refuses zero, more than 100 and more than two decimals.
 */
export function parsePercent(text: string): ParsedPercent {
  const cleaned = text.replace(/[%\s]/g, "");
  if (cleaned === "") return { ok: false, error: "Enter a percentage" };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!m || (m[1] === "" && !m[2])) return { ok: false, error: "Enter a percentage, like 12.5" };
  const [, whole = "", fraction = ""] = m;
  if (fraction.length > 2) return { ok: false, error: "At most two digits after the point" };
  const digits = whole.replace(/^0+(?=\d)/, "");
  if (digits.length > 3) return { ok: false, error: "At most 100%" };
  const bps = Number(digits || "0") * 100 + Number(fraction.padEnd(2, "0"));
  if (bps === 0) return { ok: false, error: "More than 0%" };
  if (bps > 10_000) return { ok: false, error: "At most 100%" };
  return { ok: true, bps };
}

/** 1250 → "12.5", 1000 → "10": the value a percent input starts with. */
export function bpsToPercentText(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const rest = Math.abs(bps % 100);
  if (rest === 0) return String(whole);
  return `${whole}.${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}

export type ParsedCount = { ok: true; n: number } | { ok: false; error: string };

/** A whole number typed into a form, from `min` to `max`: "1,000" → 1000. */
export function parseCount(text: string, label: string, min: number, max: number): ParsedCount {
  const t = text.replace(/[,\s]/g, "");
  if (!/^\d+$/.test(t)) return { ok: false, error: `${label} is a whole number` };
  const n = Number(t);
  if (n < min) return { ok: false, error: `${label} is at least ${formatCount(min)}` };
  if (n > max) return { ok: false, error: `${label} is at most ${formatCount(max)}` };
  return { ok: true, n };
}
