import { fromIstParts, toIstParts } from "@bazaar/client/format";

/**
 * Dates and times in forms. `<input type="datetime-local">` holds a wall-clock time without a
 * zone; Bazaar reads and fills it as India Standard Time, the zone every page shows times in,
 * so a seller abroad who types 18:30 sees "6:30 pm" in the list afterwards, not a shifted time.
 */

const pad = (n: number) => String(n).padStart(2, "0");

/** A Date as a datetime-local value in India: "2025-03-01T18:30". */
export function toDateTimeLocal(date: Date): string {
  const t = toIstParts(date);
  return `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;
}

export type ParsedDateTime = { ok: true; date: Date } | { ok: false; error: string };

/** A datetime-local value (time in India) as a Date; refuses text that is not one. */
export function parseDateTimeLocal(text: string): ParsedDateTime {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return { ok: false, error: "Enter a date and time" };
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
    .slice(1)
    .map((part) => Number(part ?? 0));
  const date = fromIstParts({ year, month, day, hour, minute, second });
  return date ? { ok: true, date } : { ok: false, error: "No such date" };
}
