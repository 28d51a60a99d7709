import { Id, isSaneDate } from "@bazaar/schemas";
import { badCursor } from "../platform/pagination";

/**
 * The product page's order is answered-by-seller first, then most upvoted, then newest, so
 * its keyset cursor carries all three (and the id to break ties).
 */
export type QuestionCursor = { answered: 0 | 1; upvotes: number; createdAt: Date; id: string };

export function encodeQuestionCursor(c: QuestionCursor): string {
  return Buffer.from(`${c.answered}|${c.upvotes}|${c.createdAt.toISOString()}|${c.id}`).toString("base64url");
}

/** Every part is checked before it reaches SQL: a cursor we did not hand out names `cursor`. */
export function decodeQuestionCursor(raw: string | undefined): QuestionCursor | undefined {
  if (!raw) return undefined;
  const parts = Buffer.from(raw, "base64url").toString().split("|");
  if (parts.length !== 4) throw badCursor();
  const [a, u, iso, id] = parts as [string, string, string, string];
  const createdAt = new Date(iso);
  const upvotes = Number(u);
  if (
    (a !== "0" && a !== "1") ||
    !/^\d{1,10}$/.test(u) ||
    upvotes > 2_147_483_647 ||
    !/^\d{4}-\d{2}-\d{2}T/.test(iso) ||
    !isSaneDate(createdAt) ||
    !Id.safeParse(id).success
  )
    throw badCursor();
  return { answered: a === "1" ? 1 : 0, upvotes, createdAt, id };
}
