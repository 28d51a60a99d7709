import { type Database, orders, payments, refunds, subOrders } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { refreshSales } from "../analytics";
import { cancelledNotices, notify, shopOwners } from "../notifications";
import type { Deps } from "../platform/deps";
import { releaseCoupon } from "../promotions";
import { type Effects, recordTransition, restockSubOrder } from "./effects";
import { type ActorKind, assertMove } from "./transitions";

type OrderRow = typeof orders.$inferSelect;
type SubOrderRow = typeof subOrders.$inferSelect;

/**
 * Cancels sub-orders of one (locked) order inside the caller's transaction: checks each
 * move against the state machine, restocks, writes the timeline, and, when money was
 * taken online, books a refund of each sub-order's total for the refund job. Once every
 * part is cancelled the coupon use is given back. Returns the amount to be refunded.
 */
export async function cancelSubOrders(
  deps: Pick<Deps, "jobs" | "urls">,
  tx: Database,
  fx: Effects,
  input: {
    order: OrderRow;
    subOrders: SubOrderRow[];
    actor: { kind: ActorKind; userId: string | null };
    reason: string | null;
    now: Date;
  },
): Promise<number> {
  const { order, actor, now } = input;
  for (const sub of input.subOrders) assertMove(sub.status, "cancelled", actor.kind);
  const [payment] =
    order.paymentStatus === "paid" || order.paymentStatus === "partially_refunded"
      ? await tx.select().from(payments).where(eq(payments.orderId, order.id))
      : [];
  let refundTotal = 0;
  for (const sub of input.subOrders) {
    await tx
      .update(subOrders)
      .set({ status: "cancelled", cancelReason: input.reason, updatedAt: now })
      .where(eq(subOrders.id, sub.id));
    await restockSubOrder(tx, sub.id, { reason: `cancelled ${sub.number}`, actorId: actor.userId, at: now });
    await recordTransition(tx, fx, {
      order,
      subOrder: sub,
      from: sub.status,
      to: "cancelled",
      actor,
      note: input.reason,
      at: now,
    });
    if (payment?.status === "paid") refundTotal += await refundPart(deps, tx, fx, { payment, sub, now });
  }
  // Whoever did not cancel hears of it, in this transaction.
  const owners =
    actor.kind === "seller"
      ? new Map<string, string>()
      : await shopOwners(
          tx,
          input.subOrders.map((s) => s.sellerId),
        );
  fx.notified.push(
    await notify(tx, cancelledNotices(order, input.subOrders, owners, actor.kind, input.reason)),
  );
  fx.catalogChanged = true;
  const remaining = await closeIfAllCancelled(tx, order, now);
  await refreshSales(tx, { subOrderIds: input.subOrders.map((s) => s.id) });
  const what =
    input.subOrders.length === remaining.length
      ? "All"
      : `${input.subOrders.map((s) => s.seller.shopName).join(" and ")}'s part`;
  await fx.email(tx, order.customerId, "order_cancelled", {
    number: order.number,
    what,
    reason: input.reason ?? "",
    refund: refundTotal,
    url: `${deps.urls.customer}/orders/${order.id}`,
  });
  return refundTotal;
}

/** Books the refund of a paid sub-order's total and queues its job; the amount booked now (0 if it already was). */
async function refundPart(
  deps: Pick<Deps, "jobs">,
  tx: Database,
  fx: Effects,
  { payment, sub, now }: { payment: typeof payments.$inferSelect; sub: SubOrderRow; now: Date },
): Promise<number> {
  const [refund] = await tx
    .insert(refunds)
    .values({
      paymentId: payment.id,
      orderId: sub.orderId,
      subOrderId: sub.id,
      amount: sub.total,
      idempotencyKey: `c-${sub.id}`,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!refund) return 0;
  fx.jobs.push(() =>
    deps.jobs.enqueue("payments.refund", { refundId: refund.id }, { dedupeKey: `refund:${refund.id}` }),
  );
  return refund.amount;
}

/**
 * Once every part is cancelled the coupon use is given back, and an order still waiting
 * for its payment stops waiting. Returns the statuses of all the order's parts.
 */
async function closeIfAllCancelled(tx: Database, order: OrderRow, now: Date) {
  const remaining = await tx
    .select({ status: subOrders.status })
    .from(subOrders)
    .where(eq(subOrders.orderId, order.id));
  if (remaining.every((s) => s.status === "cancelled")) {
    await releaseCoupon(tx, { orderId: order.id, now });
    if (order.paymentStatus === "pending")
      await tx
        .update(orders)
        .set({ paymentStatus: "expired", expiresAt: null, updatedAt: now })
        .where(eq(orders.id, order.id));
  }
  return remaining;
}
