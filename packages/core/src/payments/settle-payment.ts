import { orders, payments, refunds, subOrders } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { Effects, recordTransition } from "../orders/effects";
import type { Deps } from "../platform/deps";

export type SettleResult = "paid" | "already_paid" | "refunding_late_payment";

/**
 * Records that the gateway captured `amount` for our payment row, whichever messenger
 * brought the news first (the customer's confirm, a webhook, reconciliation). Idempotent:
 * the payment row is locked and moved from created to paid once; every later arrival is
 * "already_paid". A payment that lands after the order expired is refunded in full.
 */
export async function settlePayment(
  deps: Deps,
  input: { providerOrderId: string; providerPaymentId: string; amount: number; source: string },
): Promise<SettleResult> {
  const now = deps.now();
  const fx = new Effects();
  const result = await deps.db.transaction(async (tx): Promise<SettleResult> => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(eq(payments.providerOrderId, input.providerOrderId))
      .for("update");
    if (!payment) throw new Error(`no payment row for gateway order ${input.providerOrderId}`);
    if (payment.status === "paid") return "already_paid";
    const [order] = await tx.select().from(orders).where(eq(orders.id, payment.orderId)).for("update");
    await tx
      .update(payments)
      .set({ status: "paid", providerPaymentId: input.providerPaymentId, paidAt: now, updatedAt: now })
      .where(eq(payments.id, payment.id));
    if (order!.paymentStatus !== "pending") {
      // Too late: the order was cancelled or expired and its stock released. Give the money back.
      const [refund] = await tx
        .insert(refunds)
        .values({
          paymentId: payment.id,
          orderId: order!.id,
          amount: input.amount,
          idempotencyKey: `l-${payment.id}`,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (refund)
        fx.jobs.push(() =>
          deps.jobs.enqueue("payments.refund", { refundId: refund.id }, { dedupeKey: `refund:${refund.id}` }),
        );
      deps.log.warn(
        { orderId: order!.id, source: input.source },
        "payment arrived after the order closed; refunding it",
      );
      return "refunding_late_payment";
    }
    const [paid] = await tx
      .update(orders)
      .set({ paymentStatus: "paid", paidAt: now, updatedAt: now })
      .where(eq(orders.id, order!.id))
      .returning();
    const all = await tx.select().from(subOrders).where(eq(subOrders.orderId, order!.id));
    // Parts cancelled while the order waited for its money were paid for all the same:
    // the payment covers the whole order, so those parts are refunded now.
    for (const gone of all.filter((s) => s.status === "cancelled")) {
      const [refund] = await tx
        .insert(refunds)
        .values({
          paymentId: payment.id,
          orderId: order!.id,
          subOrderId: gone.id,
          amount: gone.total,
          idempotencyKey: `c-${gone.id}`,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (refund)
        fx.jobs.push(() =>
          deps.jobs.enqueue("payments.refund", { refundId: refund.id }, { dedupeKey: `refund:${refund.id}` }),
        );
    }
    const subs = all.filter((s) => s.status === "placed");
    for (const sub of subs) {
      await tx
        .update(subOrders)
        .set({ status: "confirmed", invoiceNumber: `INV-${sub.number}`, updatedAt: now })
        .where(eq(subOrders.id, sub.id));
      await fx.sellerNewOrder(tx, sub, deps.urls.seller);
      await recordTransition(tx, fx, {
        order: paid!,
        subOrder: sub,
        from: "placed",
        to: "confirmed",
        actor: { kind: "system", userId: null },
        note: "Payment received",
        at: now,
      });
    }
    await fx.email(tx, order!.customerId, "payment_received", {
      number: order!.number,
      amount: input.amount,
      url: `${deps.urls.customer}/orders/${order!.id}`,
    });
    deps.log.info({ orderId: order!.id, source: input.source }, "order paid");
    return "paid";
  });
  await fx.release(deps);
  return result;
}
