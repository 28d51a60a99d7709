import { orders } from "@bazaar/db";
import { and, asc, eq, lte } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { expireOrder } from "./expire-order";

/**
 * Sweep: expires every online order still unpaid past its window. The delayed
 * `orders.expire` job normally does this, but it can be lost (embedded mode restarted,
 * Redis down when the order was placed), and an order whose gateway order was never
 * created has no payment row for reconciliation to find. Without this its stock and
 * coupon would stay reserved for ever. Each order is expired on its own, so one the
 * gateway cannot answer for is retried next time without holding up the rest.
 */
export async function expireOverdueOrders(deps: Deps, options: { limit?: number } = {}) {
  const due = await deps.db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.paymentStatus, "pending"), lte(orders.expiresAt, deps.now())))
    .orderBy(asc(orders.expiresAt))
    .limit(options.limit ?? 100);
  let expired = 0;
  for (const { id } of due) {
    try {
      if ((await expireOrder(deps, id)) === "expired") expired++;
    } catch (err) {
      deps.log.warn({ err, orderId: id }, "sweep could not expire an overdue order; will retry");
    }
  }
  return { due: due.length, expired };
}
