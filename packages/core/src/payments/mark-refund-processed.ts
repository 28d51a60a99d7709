import { orders, refunds, subOrders } from "@bazaar/db";
import { and, eq, sql } from "drizzle-orm";
import { notify, refundSettledNotice } from "../notifications";
import { Effects } from "../orders";
import type { Deps } from "../platform/deps";
import { settleReturnRefund } from "../returns";

/**
 * A refund reached the customer: count it against the order and sub-order, once. Found by
 * the gateway's refund id, or by the receipt, which carries our idempotency key.
 */
export async function markRefundProcessed(
  deps: Deps,
  input: { providerRefundId: string; receipt: string | null; refundId?: string },
): Promise<boolean> {
  const now = deps.now();
  const fx = new Effects();
  const changed = await deps.db.transaction(async (tx) => {
    const where = input.refundId
      ? eq(refunds.id, input.refundId)
      : input.receipt
        ? sql`(${refunds.providerRefundId} = ${input.providerRefundId} or ${refunds.idempotencyKey} = ${input.receipt})`
        : eq(refunds.providerRefundId, input.providerRefundId);
    const [refund] = await tx.select().from(refunds).where(where).for("update");
    if (!refund || refund.status === "processed") return false;
    await tx
      .update(refunds)
      .set({ status: "processed", providerRefundId: input.providerRefundId, updatedAt: now })
      .where(eq(refunds.id, refund.id));
    const [order] = await tx
      .update(orders)
      .set({ refundedAmount: sql`${orders.refundedAmount} + ${refund.amount}`, updatedAt: now })
      .where(eq(orders.id, refund.orderId))
      .returning();
    await tx
      .update(orders)
      .set({ paymentStatus: order!.refundedAmount >= order!.total ? "refunded" : "partially_refunded" })
      .where(and(eq(orders.id, order!.id), sql`${orders.paymentStatus} in ('paid', 'partially_refunded')`));
    if (refund.subOrderId)
      await tx
        .update(subOrders)
        .set({ refundedAmount: sql`${subOrders.refundedAmount} + ${refund.amount}`, updatedAt: now })
        .where(eq(subOrders.id, refund.subOrderId));
    // A return's refund settles the return, which tells the buyer in its own words.
    if (refund.returnId)
      await settleReturnRefund(deps, tx, fx, { returnId: refund.returnId, amount: refund.amount, at: now });
    else {
      await fx.email(tx, order!.customerId, "refund_processed", {
        number: order!.number,
        amount: refund.amount,
        url: `${deps.urls.customer}/orders/${order!.id}`,
      });
      fx.notified.push(await notify(tx, refundSettledNotice(order!, refund.amount)));
    }
    return true;
  });
  await fx.release(deps);
  return changed;
}
