import { Id } from "@bazaar/schemas";
import { badCursor } from "../platform/pagination";

/**
 * Keyset position in a review list: the sort's leading integer (helpful count or stars; 0
 * for newest), created_at as PostgreSQL printed it (microseconds kept, so no review is
 * skipped), and the id. Everything in it reaches SQL, so all of it is checked here.
 */
export type ReviewCursor = { key: number; createdAt: string; id: string };

const TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

export const encodeReviewCursor = (c: ReviewCursor) =>
  Buffer.from(`${c.key}|${c.createdAt}|${c.id}`).toString("base64url");

export function decodeReviewCursor(raw: string | undefined): ReviewCursor | undefined {
  if (!raw) return undefined;
  const parts = Buffer.from(raw, "base64url").toString().split("|");
  if (parts.length !== 3) throw badCursor();
  const [key, createdAt, id] = parts as [string, string, string];
  const year = Number(createdAt.slice(0, 4));
  if (
    !/^\d{1,9}$/.test(key) ||
    !TIMESTAMPTZ.test(createdAt) ||
    year < 2000 ||
    year > 2099 ||
    Number.isNaN(new Date(createdAt.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00")).getTime()) ||
    !Id.safeParse(id).success
  )
    throw badCursor();
  return { key: Number(key), createdAt, id };
}
