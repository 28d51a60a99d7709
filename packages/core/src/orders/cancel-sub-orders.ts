import { type Database, orders, payments, refunds, subOrders } from "@bazaar/db";
import { eq, inArray } from "drizzle-orm";
import { refreshSales } from "../analytics";
import { cancelledNotices, notify, shopOwners } from "../notifications";
import type { Deps } from "../platform/deps";
import { releaseCoupon } from "../promotions";
import { emitWebhookEvent, orderWebhookEvents } from "../webhooks";
import { type Effects, recordTransitions, restockSubOrders } from "./effects";
import { type ActorKind, assertMove } from "./transitions";

type OrderRow = typeof orders.$inferSelect;
type SubOrderRow = typeof subOrders.$inferSelect;

/**
 * Cancels sub-orders of one (locked) order inside the caller's transaction: checks each
 * move against the state machine, restocks, writes the timeline, and, when money was
 * taken online, books a refund of each sub-order's total for the refund job. Once every
 * part is cancelled the coupon use is given back. Returns the amount to be refunded.
 *
 * Set-based: the same dozen statements however many parts and lines. Locks are taken in
 * the order checkout takes them (coupon, then variants and products in id order), so a
 * cancellation and a checkout over the same rows cannot deadlock; the sales rollups come last,
 * in key order, as every refresh and fold takes them.
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
  const targets = input.subOrders;
  for (const sub of targets) assertMove(sub.status, "cancelled", actor.kind);
  const ids = targets.map((s) => s.id);
  const [payment] =
    order.paymentStatus === "paid" || order.paymentStatus === "partially_refunded"
      ? await tx.select().from(payments).where(eq(payments.orderId, order.id))
      : [];
  await tx
    .update(subOrders)
    .set({ status: "cancelled", cancelReason: input.reason, updatedAt: now })
    .where(inArray(subOrders.id, ids));
  const refundTotal =
    payment?.status === "paid" ? await refundParts(deps, tx, fx, { payment, subs: targets, now }) : 0;
  const remaining = await closeIfAllCancelled(tx, order, now);
  for (const id of await restockSubOrders(tx, targets, { actorId: actor.userId, at: now }))
    fx.stockMoved.add(id);
  await recordTransitions(
    tx,
    fx,
    targets.map((sub) => ({
      order,
      subOrder: sub,
      from: sub.status,
      to: "cancelled" as const,
      actor,
      note: input.reason,
      at: now,
    })),
  );
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
  await emitWebhookEvent(
    tx,
    orderWebhookEvents("order.cancelled", order, input.subOrders, {
      cancelledBy: actor.kind,
      reason: input.reason,
    }),
  );
  await refreshSales(tx, { subOrderIds: ids });
  const what =
    targets.length === remaining.length
      ? "All"
      : `${targets.map((s) => s.seller.shopName).join(" and ")}'s part`;
  await fx.emailUsers(tx, [
    {
      userId: order.customerId,
      template: "order_cancelled",
      payload: {
        number: order.number,
        what,
        reason: input.reason ?? "",
        refund: refundTotal,
        url: `${deps.urls.customer}/orders/${order.id}`,
      },
    },
  ]);
  return refundTotal;
}

/**
 * Books the refund of each paid sub-order's total (one statement) and queues their jobs;
 * the amount booked now (a part whose refund was already booked adds 0).
 */
async function refundParts(
  deps: Pick<Deps, "jobs">,
  tx: Database,
  fx: Effects,
  { payment, subs, now }: { payment: typeof payments.$inferSelect; subs: SubOrderRow[]; now: Date },
): Promise<number> {
  const booked = await tx
    .insert(refunds)
    .values(
      subs.map((sub) => ({
        paymentId: payment.id,
        orderId: sub.orderId,
        subOrderId: sub.id,
        amount: sub.total,
        idempotencyKey: `c-${sub.id}`,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning();
  for (const refund of booked)
    fx.jobs.push(() =>
      deps.jobs.enqueue("payments.refund", { refundId: refund.id }, { dedupeKey: `refund:${refund.id}` }),
    );
  return booked.reduce((a, r) => a + r.amount, 0);
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
