import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { preparedStatement } from "../platform/prepared";
import { refreshSales } from "./refresh-sales";

/** Bookings per transaction: a worker that was down for a day catches up in many short ones. */
const BATCH = 1000;

/**
 * Takes up to `limit` booked sub-orders off analytics_pending. A fold running at the same time
 * holds its rows locked until it commits; this one waits for them, finds them gone and takes
 * others, so each booking is folded once and a reader that folds before reading has seen every
 * order committed before it began.
 */
const takePending = preparedStatement<{ id: string }, { limit: number }>(
  "analytics_take_pending",
  () => sql`delete from analytics_pending
    where ctid = any(array(select ctid from analytics_pending limit ${sql.placeholder("limit")} for update))
    returning sub_order_id as id`,
);

/**
 * Brings the rollups up to date with the orders placed since the last fold (checkout books its
 * sub-orders in analytics_pending instead of refreshing them inside the order's transaction).
 * Each batch is one transaction: the bookings taken and the refresh of their sub-orders commit
 * together, so a failure leaves them booked for the next fold. Run by the repeating
 * `analytics.fold-pending` job and by every dashboard before it reads, so a dashboard counts
 * every order placed before it was asked for. Returns the bookings folded.
 */
export async function foldPendingSales(db: Database, batch = BATCH): Promise<number> {
  let folded = 0;
  for (;;) {
    const taken = await db.transaction(async (tx) => {
      const rows = await takePending(tx, { limit: batch });
      if (rows.length) await refreshSales(tx, { subOrderIds: [...new Set(rows.map((r) => r.id))] });
      return rows.length;
    });
    folded += taken;
    if (taken < batch) return folded;
  }
}
