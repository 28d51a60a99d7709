import { orders, payments } from "@bazaar/db";
import { and, asc, eq, lt } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { expireOrder } from "./expire-order";
import { gatewayFor } from "./gateway-for";
import { settlePayment } from "./settle-payment";

/**
 * Job, repeating: asks the gateway about every payment still pending past the threshold
 * and settles what it learns, so a lost webhook never leaves an order stuck. Paid ones
 * are confirmed; ones past their window are expired. Logs what it fixed.
 */
export async function reconcilePayments(deps: Deps, options: { limit?: number } = {}) {
  const now = deps.now();
  const stale = await deps.db
    .select({ payment: payments, order: orders })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        eq(payments.status, "created"),
        eq(orders.paymentStatus, "pending"),
        lt(payments.createdAt, new Date(now.getTime() - deps.orders.reconcileAfterMs)),
      ),
    )
    .orderBy(asc(payments.createdAt))
    .limit(options.limit ?? 200);
  const fixed = { checked: stale.length, paid: 0, expired: 0 };
  for (const { payment, order } of stale) {
    try {
      const gateway = gatewayFor(deps, payment.provider);
      const captured = (await gateway.fetchOrderPayments(payment.providerOrderId)).find(
        (p) => p.status === "captured",
      );
      if (captured && captured.amount === payment.amount) {
        const r = await settlePayment(deps, {
          providerOrderId: payment.providerOrderId,
          providerPaymentId: captured.id,
          amount: captured.amount,
          source: "reconciliation",
        });
        if (r === "paid") {
          fixed.paid++;
          deps.log.info(
            { orderId: order.id, number: order.number },
            "reconciliation: order was paid, webhook never came",
          );
        }
      } else if (order.expiresAt && order.expiresAt <= now) {
        if ((await expireOrder(deps, order.id)) === "expired") fixed.expired++;
      }
    } catch (err) {
      deps.log.warn(
        { err, orderId: order.id },
        "reconciliation could not check a payment; will retry next run",
      );
    }
  }
  if (fixed.paid || fixed.expired) deps.log.info(fixed, "payment reconciliation fixed orders");
  return fixed;
}
