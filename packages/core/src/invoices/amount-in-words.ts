/**
 * An amount in words for invoices, in the Indian numbering system (thousand, lakh, crore),
 * e.g. 1,23,45,678.90 → "Rupees One Crore Twenty-Three Lakh Forty-Five Thousand Six Hundred
 * Seventy-Eight and Ninety Paise Only".
 *
 * Style: no "and" inside a number (so "One Hundred One"), since the one "and" on the line
 * separates rupees from paise; tens and units are hyphenated ("Forty-Five"); whole rupees
 * end in "Only" with no paise part; an amount under one rupee reads "Fifty Paise Only",
 * and zero "Rupees Zero Only". "Paisa" is the singular. Past 99,999 crore the crore count
 * is itself read in lakh and thousand ("One Lakh Crore"), as Indian usage does.
 */

const ONES = [
  "",
  "One",
  "Two",
  "Three",
  "Four",
  "Five",
  "Six",
  "Seven",
  "Eight",
  "Nine",
  "Ten",
  "Eleven",
  "Twelve",
  "Thirteen",
  "Fourteen",
  "Fifteen",
  "Sixteen",
  "Seventeen",
  "Eighteen",
  "Nineteen",
];
const TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"];

function belowHundred(n: number): string {
  if (n < 20) return ONES[n]!;
  const unit = n % 10;
  return unit === 0 ? TENS[Math.floor(n / 10)]! : `${TENS[Math.floor(n / 10)]}-${ONES[unit]}`;
}

function belowThousand(n: number): string[] {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const words = hundreds ? [ONES[hundreds]!, "Hundred"] : [];
  if (rest) words.push(belowHundred(rest));
  return words;
}

/** Words for a positive whole number; empty for zero so callers can skip empty groups. */
function indianWords(n: number): string[] {
  if (n === 0) return [];
  const crore = Math.floor(n / 10_000_000);
  const lakh = Math.floor(n / 100_000) % 100;
  const thousand = Math.floor(n / 1000) % 100;
  const words = crore ? [...indianWords(crore), "Crore"] : [];
  if (lakh) words.push(belowHundred(lakh), "Lakh");
  if (thousand) words.push(belowHundred(thousand), "Thousand");
  words.push(...belowThousand(n % 1000));
  return words;
}

/** Throws a RangeError for anything but a non-negative safe integer: a bad amount is a bug, not input. */
export function rupeesInWords(paise: number): string {
  if (!Number.isSafeInteger(paise) || paise < 0)
    throw new RangeError(`Amount must be a non-negative whole number of paise, got ${paise}`);
  const rupees = Math.floor(paise / 100);
  const rest = paise % 100;
  const paiseWords = rest ? `${belowHundred(rest)} ${rest === 1 ? "Paisa" : "Paise"}` : "";
  if (rupees === 0) return rest ? `${paiseWords} Only` : "Rupees Zero Only";
  const rupeeWords = `Rupees ${indianWords(rupees).join(" ")}`;
  return rest ? `${rupeeWords} and ${paiseWords} Only` : `${rupeeWords} Only`;
}
