import { payouts } from "@bazaar/db";
import { AdminPayoutsListInput, type Page, type PayoutDto, SellerPayoutsListInput } from "@bazaar/schemas";
import { and, asc, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps, SellerActor } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { selectPayouts, toPayoutDto } from "./views";

async function listPayouts(
  deps: Pick<Deps, "db">,
  f: { limit: number; cursor?: string; status?: PayoutDto["status"]; sellerId?: string },
  oldestFirst: boolean,
): Promise<Page<PayoutDto>> {
  const after = decodeCursor(f.cursor);
  const where: (SQL | undefined)[] = [];
  if (f.sellerId) where.push(eq(payouts.sellerId, f.sellerId));
  if (f.status) where.push(eq(payouts.status, f.status));
  const before = oldestFirst ? gt : lt;
  if (after)
    where.push(
      or(
        before(payouts.createdAt, after.createdAt),
        and(eq(payouts.createdAt, after.createdAt), before(payouts.id, after.id)),
      ),
    );
  const dir = oldestFirst ? asc : desc;
  const rows = await selectPayouts(deps.db, and(...where))
    .orderBy(dir(payouts.createdAt), dir(payouts.id))
    .limit(f.limit + 1);
  const { items, nextCursor } = page(
    rows.map((r) => ({ ...r, createdAt: r.payout.createdAt, id: r.payout.id })),
    f.limit,
  );
  return { items: items.map((r) => toPayoutDto(r.payout, r.shopName)), nextCursor };
}

/** The seller's own payouts, newest first. */
export async function listMyPayouts(
  deps: Pick<Deps, "db">,
  actor: SellerActor,
  raw: z.input<typeof SellerPayoutsListInput>,
): Promise<Page<PayoutDto>> {
  return listPayouts(deps, { ...SellerPayoutsListInput.parse(raw), sellerId: actor.sellerId }, false);
}

/** Admin: the payouts queue. A status picked lists oldest first (the order to work in); all, newest first. */
export async function adminListPayouts(
  deps: Pick<Deps, "db">,
  _actor: Actor,
  raw: z.input<typeof AdminPayoutsListInput>,
): Promise<Page<PayoutDto>> {
  const input = AdminPayoutsListInput.parse(raw);
  return listPayouts(deps, input, Boolean(input.status));
}
