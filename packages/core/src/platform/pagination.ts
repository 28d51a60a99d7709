import { Id, isSaneDate } from "@bazaar/schemas";
import { invalidField } from "../errors";

/** Keyset cursor over (createdAt, id): stable under inserts, no OFFSET scans. */
export type Cursor = { createdAt: Date; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString("base64url");
}

/** What every list answers to a cursor it did not hand out. */
export const badCursor = () =>
  invalidField(
    "cursor",
    "pagination.bad_cursor",
    "This page link is out of date. Start from the first page.",
  );

/**
 * Decodes a cursor and checks every part of it: anyone can send any text, and what is in
 * it goes into SQL, so a cursor whose id is not a UUID or whose date PostgreSQL cannot read
 * (year 275760, year 0) is a VALIDATION error naming `cursor`, never a database error.
 */
export function decodeCursor(raw: string | undefined): Cursor | undefined {
  if (!raw) return undefined;
  const parts = Buffer.from(raw, "base64url").toString().split("|");
  if (parts.length !== 2) throw badCursor();
  const [iso, id] = parts as [string, string];
  const createdAt = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || !isSaneDate(createdAt) || !Id.safeParse(id).success)
    throw badCursor();
  return { createdAt, id };
}

export function page<T extends { createdAt: Date; id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
