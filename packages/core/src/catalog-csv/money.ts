/** Paise as rupees with two decimals, the way a spreadsheet shows money: 89900 → "899.00". */
export function rupees(paise: number | null): string {
  if (paise == null) return "";
  return `${Math.floor(paise / 100)}.${String(paise % 100).padStart(2, "0")}`;
}

/** "899", "899.5" or "899.50" → 89900 paise; anything else (commas, signs, 3 decimals) → null. */
export function paiseOf(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}
