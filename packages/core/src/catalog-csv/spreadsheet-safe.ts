/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first: "CSV injection")
 * is exported behind an apostrophe, which spreadsheets show as text; the import takes one
 * apostrophe off again, so the round trip keeps the text as it was (a text that itself
 * starts with apostrophes before such a character gets one more on the way out).
 */
const RISKY = /^'*[=+\-@\t\r]/;

export const safeCell = (text: string): string => (RISKY.test(text) ? `'${text}` : text);

export const unsafeCell = (text: string): string =>
  text.startsWith("'") && RISKY.test(text) ? text.slice(1) : text;
