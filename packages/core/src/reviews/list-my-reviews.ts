import { type MyReviewDto, MyReviewsInput, type Page } from "@bazaar/schemas";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { decodeReviewCursor, encodeReviewCursor } from "./cursor";
import { selectReviews, toMyReviewDto } from "./queries";

/** The caller's own reviews, newest first, hidden ones included; `productIds` narrows to those products. */
export async function listMyReviews(
  deps: Pick<Deps, "db">,
  actor: Actor,
  raw: z.input<typeof MyReviewsInput>,
): Promise<Page<MyReviewDto>> {
  const input = MyReviewsInput.parse(raw);
  const cursor = decodeReviewCursor(input.cursor);
  const conds = [sql`r.customer_id = ${actor.userId}`];
  if (input.productIds) {
    if (input.productIds.length === 0) return { items: [], nextCursor: null };
    conds.push(
      sql`r.product_id in (${sql.join(
        input.productIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  }
  if (cursor) conds.push(sql`(r.created_at, r.id) < (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`);
  const rows = await selectReviews(deps.db, {
    where: sql.join(conds, sql` and `),
    orderBy: sql`r.created_at desc, r.id desc`,
    limit: input.limit + 1,
    viewerId: actor.userId,
  });
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => toMyReviewDto(r, actor.userId)),
    nextCursor:
      rows.length > input.limit && last
        ? encodeReviewCursor({ key: 0, createdAt: last.created_key, id: last.id })
        : null,
  };
}
