import { orders, payments, subOrders } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { DomainError } from "../errors";
import { cancelSubOrders, Effects } from "../orders";
import type { Deps } from "../platform/deps";
import { gatewayFor } from "./gateway-for";
import { settlePayment } from "./settle-payment";

export type ExpireResult = "not_pending" | "not_due" | "paid_after_all" | "expired";

/**
 * Job: an online order's payment window closed. Before giving up, ask the gateway, in case
 * the payment went through and only the news was lost; otherwise cancel every part,
 * release the stock and the coupon, and tell the customer.
 */
export async function expireOrder(deps: Deps, orderId: string): Promise<ExpireResult> {
  const now = deps.now();
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (order?.paymentStatus !== "pending") return "not_pending";
  if (order.expiresAt && order.expiresAt > now) {
    const delayMs = order.expiresAt.getTime() - now.getTime();
    await deps.jobs.enqueue(
      "orders.expire",
      { orderId },
      { delayMs, dedupeKey: `expire:${orderId}:${order.expiresAt.getTime()}` },
    );
    return "not_due";
  }
  const [payment] = await deps.db.select().from(payments).where(eq(payments.orderId, orderId));
  if (payment) {
    const captured = (await gatewayPayments(deps, payment)).find((p) => p.status === "captured");
    if (captured) {
      await settlePayment(deps, {
        providerOrderId: payment.providerOrderId,
        providerPaymentId: captured.id,
        amount: captured.amount,
        source: "expiry check",
      });
      return "paid_after_all";
    }
  }
  const fx = new Effects();
  const result = await deps.db.transaction(async (tx): Promise<ExpireResult> => {
    const [o] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
    if (o?.paymentStatus !== "pending") return "not_pending";
    const subs = await tx.select().from(subOrders).where(eq(subOrders.orderId, orderId)).for("update");
    await cancelSubOrders(deps, tx, fx, {
      order: o,
      subOrders: subs.filter((s) => s.status !== "cancelled"),
      actor: { kind: "system", userId: null },
      reason: "Payment not received in time",
      now,
    });
    await tx.update(orders).set({ paymentStatus: "expired", updatedAt: now }).where(eq(orders.id, orderId));
    if (payment)
      await tx
        .update(payments)
        .set({ status: "failed", failureReason: "expired", updatedAt: now })
        .where(eq(payments.id, payment.id));
    return "expired";
  });
  await fx.release(deps);
  if (result === "expired") deps.log.info({ orderId }, "unpaid order expired; stock released");
  return result;
}

/**
 * The gateway's payments for an order. One it has never heard of (the dev gateway after a
 * restart forgets its orders) has taken no money, so it has none.
 */
async function gatewayPayments(
  deps: Pick<Deps, "payments" | "stripe">,
  payment: Pick<typeof payments.$inferSelect, "provider" | "providerOrderId">,
) {
  try {
    return await gatewayFor(deps, payment.provider).fetchOrderPayments(payment.providerOrderId);
  } catch (e) {
    if (e instanceof DomainError && e.reason === "payment.gateway_not_found") return [];
    throw e;
  }
}
