import { MAX_RETURN_WINDOW_DAYS } from "@bazaar/schemas";
import { parseCount } from "@bazaar/ui";

/** "No returns" for 0, else "7 days after delivery". */
export const windowText = (days: number) =>
  days <= 0 ? "No returns" : `${days} day${days === 1 ? "" : "s"} after delivery`;

/** The typed window in days (0 to 30), or what is wrong with it. */
export function parseWindowDays(text: string): { ok: true; days: number } | { ok: false; error: string } {
  const parsed = parseCount(text, "The return window", 0, MAX_RETURN_WINDOW_DAYS);
  return parsed.ok ? { ok: true, days: parsed.n } : parsed;
}
