import { payments, refunds } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { gatewayFor } from "./gateway-for";
import { markRefundProcessed } from "./mark-refund-processed";

/**
 * Job: sends a booked refund to the gateway. The refund row's idempotency key goes with
 * it, so a retried job (or a lost answer) never refunds twice. Razorpay may answer
 * "pending"; refund.processed then arrives by webhook.
 */
export async function processRefund(deps: Deps, refundId: string): Promise<string> {
  const [row] = await deps.db
    .select({ refund: refunds, payment: payments })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(refunds.id, refundId));
  if (!row) return "unknown";
  if (row.refund.status === "processed") return "already_processed";
  if (!row.payment.providerPaymentId) throw new Error(`refund ${refundId}: payment has no gateway id`);
  // The gateway that took the money gives it back (Razorpay/dev, or Stripe).
  const result = await gatewayFor(deps, row.payment.provider).refund({
    paymentId: row.payment.providerPaymentId,
    amount: row.refund.amount,
    idempotencyKey: row.refund.idempotencyKey,
  });
  if (result.status === "processed") {
    await markRefundProcessed(deps, { providerRefundId: result.id, receipt: result.receipt, refundId });
    return "processed";
  }
  await deps.db
    .update(refunds)
    .set({ providerRefundId: result.id, updatedAt: deps.now() })
    .where(eq(refunds.id, refundId));
  return result.status;
}
