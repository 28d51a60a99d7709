import { coupons } from "@bazaar/db";
import { type CouponDto, CouponListInput, type Page } from "@bazaar/schemas";
import { and, desc, eq, ilike, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Deps } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { type CouponOwner, withProductTitles } from "./queries";

/** Newest first. Admins (owner "any") see every coupon; a seller sees their own. */
export async function listCoupons(
  deps: Pick<Deps, "db" | "now">,
  owner: CouponOwner | "any",
  raw: z.input<typeof CouponListInput>,
): Promise<Page<CouponDto>> {
  const input = CouponListInput.parse(raw);
  const now = deps.now();
  const cursor = decodeCursor(input.cursor);
  const state: Record<typeof input.state, SQL | undefined> = {
    all: undefined,
    disabled: eq(coupons.active, false),
    expired: and(eq(coupons.active, true), lt(coupons.endsAt, now)),
    scheduled: and(eq(coupons.active, true), sql`${coupons.startsAt} > ${now}`),
    active: and(
      eq(coupons.active, true),
      sql`${coupons.startsAt} <= ${now}`,
      or(isNull(coupons.endsAt), sql`${coupons.endsAt} > ${now}`),
    ),
  };
  const rows = await deps.db
    .select()
    .from(coupons)
    .where(
      and(
        owner !== "any"
          ? owner.sellerId
            ? eq(coupons.sellerId, owner.sellerId)
            : isNull(coupons.sellerId)
          : input.scope === "platform"
            ? isNull(coupons.sellerId)
            : input.scope === "seller"
              ? isNotNull(coupons.sellerId)
              : undefined,
        input.q ? ilike(coupons.code, `%${input.q.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
        state[input.state],
        cursor ? sql`(${coupons.createdAt}, ${coupons.id}) < (${cursor.createdAt}, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(coupons.createdAt), desc(coupons.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return { items: await withProductTitles(deps.db, p.items, now), nextCursor: p.nextCursor };
}
