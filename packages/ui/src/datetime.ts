/** Dates and times in forms: `<input type="datetime-local">` speaks local time without a zone. */

const pad = (n: number) => String(n).padStart(2, "0");

/** A Date as a datetime-local value in the browser's time zone: "2025-03-01T18:30". */
export function toDateTimeLocal(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export type ParsedDateTime = { ok: true; date: Date } | { ok: false; error: string };

/** A datetime-local value (local time) as a Date; refuses text that is not one. */
export function parseDateTimeLocal(text: string): ParsedDateTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return { ok: false, error: "Enter a date and time" };
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.slice(1).map((part) => Number(part ?? 0));
  const date = new Date(y, mo - 1, d, h, mi, s);
  // Rolled over (31 February) means the date does not exist.
  if (date.getMonth() !== mo - 1 || date.getDate() !== d) return { ok: false, error: "No such date" };
  return { ok: true, date };
}

/** "1 Mar 2025, 6:30 pm". */
export const formatDateTime = (date: Date) =>
  date.toLocaleString("en-IN", { dateStyle: "medium", timeStyle: "short" });

/** "1 Mar 2025". */
export const formatDate = (date: Date) => date.toLocaleDateString("en-IN", { dateStyle: "medium" });
