import { z } from "zod";

// ---- safe text ------------------------------------------------------------------------------
// Every free-text field goes through `safeText`. PostgreSQL cannot store a NUL byte in text
// and a lone UTF-16 surrogate has no UTF-8 form, so either one reaching SQL was a 500; other
// control characters only ever come from scripts or broken clients. All are refused here,
// before any use case sees them, with a message that names the field.

/**
 * C0 controls (U+0000–U+001F) and DEL. Multi-line text (descriptions, notes, reasons) may
 * also hold tab, line feed and carriage return; one-line text none of them (trim takes
 * care of a pasted trailing newline).
 */
export function hasControlCharacters(s: string, multiline = false): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x7f) continue;
    if (multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
    return true;
  }
  return false;
}

/** Half of a UTF-16 surrogate pair without its other half: no UTF-8 form exists for it. */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = s.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
    else return true;
  }
  return false;
}

export type SafeTextOptions = {
  /** Allow tab and line breaks (text areas). Default: one line. */
  multiline?: boolean;
  /** Trim surrounding whitespace first (the default); passwords and tokens are taken as typed. */
  trim?: boolean;
};

/**
 * A string that is safe to store and search: no NUL or other control characters (tab and
 * line breaks only when `multiline`), no broken Unicode. `label` names the field in messages
 * ("Shop name must not contain control characters"). Chain `.min()`/`.max()`/`.regex()` as usual.
 */
export function safeText(label = "This field", options: SafeTextOptions = {}) {
  const { multiline = false, trim = true } = options;
  // Only the wrong-type message is ours: length and format checks keep their own.
  const base = z.string({
    error: (iss) => (iss.code === "invalid_type" ? `${label} must be text` : undefined),
  });
  return (trim ? base.trim() : base)
    .refine((s) => !hasControlCharacters(s, multiline), {
      message: multiline
        ? `${label} must not contain control characters`
        : `${label} must be one line without control characters`,
    })
    .refine((s) => !hasLoneSurrogate(s), {
      message: `${label} contains a broken character (half of an emoji or symbol)`,
    });
}

/** One line of text, trimmed, for fields with no more specific rule. */
export const SafeText = safeText();

// ---- ids, dates, cursors ------------------------------------------------------------------------

export const Id = z.uuid({ message: "Must be a valid id" });
export const IdInput = z.object({ id: Id });
export type IdInput = z.infer<typeof IdInput>;

/**
 * The dates the platform deals in. PostgreSQL stores far more (4713 BC to 294276 AD) but
 * JavaScript prints years past 9999 as `+275760-…`, which PostgreSQL cannot read; no coupon,
 * sale or report needs a date outside this century and the next.
 */
export const EARLIEST_DATE = new Date("2000-01-01T00:00:00.000Z");
export const LATEST_DATE = new Date("2100-01-01T00:00:00.000Z");
export const isSaneDate = (d: Date) =>
  !Number.isNaN(d.getTime()) && d.getTime() >= EARLIEST_DATE.getTime() && d.getTime() < LATEST_DATE.getTime();

/** A date and time from a form or a query string (a Date, an ISO string or epoch millis), 2000–2099. */
export const dateTime = (label = "Date") =>
  z.coerce
    .date({ message: `${label} must be a date and time` })
    .min(EARLIEST_DATE, `${label} must be in the years 2000 to 2099`)
    .max(new Date(LATEST_DATE.getTime() - 1), `${label} must be in the years 2000 to 2099`);

/**
 * An opaque page cursor as the API hands it out: base64url text. The use case decodes and
 * checks what is inside; this refuses anything that cannot be one.
 */
export const Cursor = z
  .string({ message: "The page cursor must be text" })
  .max(300, "This page link is out of date. Start from the first page.")
  .regex(/^[A-Za-z0-9_-]*$/, "This page link is out of date. Start from the first page.");

/** Cursor pagination shared by every list: the cursor is opaque to clients. */
export const PageInput = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  cursor: Cursor.optional(),
});
export type PageInput = z.infer<typeof PageInput>;

export type Page<T> = { items: T[]; nextCursor: string | null };

/** The closed set of error kinds a client can switch on (see ARCHITECTURE.md). */
export const ErrorCode = z.enum([
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "CONFLICT",
  "INVALID_STATE",
  "VALIDATION",
  "UNAVAILABLE",
  "RATE_LIMITED",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** Shape of `error.data` on every API error: clients switch on `reason`. */
export type ApiErrorData = {
  code: string;
  httpStatus: number;
  reason?: string;
  details?: Record<string, unknown>;
  fieldErrors?: Record<string, string[]>;
};
