/**
 * Money typed into forms: amounts travel as integer paise. Showing an amount is
 * `formatRupees` in `@bazaar/client/format`; these turn a price input's text into paise and back.
 */

/** 89950 → "899.50", 129900 → "1299": the value a price input starts with. */
export function paiseToRupeesText(paise: number): string {
  const rupees = Math.trunc(paise / 100);
  const rest = Math.abs(paise % 100);
  return rest === 0 ? String(rupees) : `${rupees}.${String(rest).padStart(2, "0")}`;
}

export type ParsedRupees = { ok: true; paise: number } | { ok: false; error: string };

/** ₹1 crore, the most a price may be. */
const MAX_RUPEE_DIGITS = 8;

/**
 * "899.50" → 89950 paise, by string arithmetic so no float ever reaches a payload.
 * Accepts "₹1,299", "1299.5", ".50"; refuses negatives, letters and more than two decimals.
 */
export function parseRupees(text: string): ParsedRupees {
  const cleaned = text.replace(/[₹,\s]/g, "").replace(/^Rs\.?/i, "");
  if (cleaned === "") return { ok: false, error: "Enter a price" };
  const m = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!m || (m[1] === "" && !m[2])) return { ok: false, error: "Enter a price in rupees, like 899.50" };
  const [, rupees = "", fraction = ""] = m;
  if (fraction.length > 2) return { ok: false, error: "At most two digits after the point (paise)" };
  const digits = rupees.replace(/^0+(?=\d)/, "");
  if (digits.length > MAX_RUPEE_DIGITS) return { ok: false, error: "That price is too high" };
  return { ok: true, paise: Number(digits || "0") * 100 + Number(fraction.padEnd(2, "0")) };
}

/** "-12%" style discount of `price` against a higher `compareAt`, rounded down; null when none. */
export function discountPercent(price: number, compareAt: number | null | undefined): number | null {
  if (!compareAt || compareAt <= price) return null;
  return Math.floor(((compareAt - price) * 100) / compareAt);
}
