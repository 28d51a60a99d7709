import { MAX_RETURN_WINDOW_DAYS } from "@bazaar/schemas";

export type ParsedWindow = { ok: true; days: number | null } | { ok: false; error: string };

/** The form's text as the API takes it: empty follows the platform default, else 0–30 whole days. */
export function parseReturnWindow(text: string): ParsedWindow {
  const t = text.trim();
  if (t === "") return { ok: true, days: null };
  if (!/^\d+$/.test(t)) return { ok: false, error: "Enter a whole number of days, or leave it empty" };
  const days = Number(t);
  if (days > MAX_RETURN_WINDOW_DAYS) return { ok: false, error: "The return window is 0 to 30 days" };
  return { ok: true, days };
}

/** "Customers can return items within 7 days of delivery." / "… do not take returns." */
export function returnWindowText(days: number): string {
  if (days === 0) return "Your shop does not take returns.";
  return `Customers can return items within ${days} day${days === 1 ? "" : "s"} of delivery.`;
}
