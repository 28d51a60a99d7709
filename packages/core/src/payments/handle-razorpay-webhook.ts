import { payments, webhookEvents } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { markRefundProcessed } from "./mark-refund-processed";
import { notePaymentFailed } from "./note-payment-failed";
import { parseWebhookEvent } from "./razorpay-entities";
import { settlePayment } from "./settle-payment";

/** Job: acts on a stored webhook event once. */
export async function handleRazorpayWebhook(deps: Deps, eventId: string): Promise<string> {
  const [row] = await deps.db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId));
  if (!row) return "unknown";
  if (row.processedAt) return "already_processed";
  const event = parseWebhookEvent(JSON.stringify(row.payload));
  let outcome = "ignored";
  if ((event.event === "payment.captured" || event.event === "order.paid") && event.payment) {
    const [payment] = await deps.db
      .select()
      .from(payments)
      .where(eq(payments.providerOrderId, event.payment.orderId));
    if (!payment) outcome = "no_such_order";
    else if (event.payment.amount !== payment.amount) {
      deps.log.warn(
        { eventId, expected: payment.amount, got: event.payment.amount },
        "webhook payment amount mismatch; not settled",
      );
      outcome = "amount_mismatch";
    } else
      outcome = await settlePayment(deps, {
        providerOrderId: payment.providerOrderId,
        providerPaymentId: event.payment.id,
        amount: event.payment.amount,
        source: `webhook ${event.event}`,
      });
  } else if (event.event === "payment.failed" && event.payment) {
    // Razorpay lets the customer try again on the same order: note it, keep waiting.
    const failed = event.payment;
    await notePaymentFailed(deps, {
      providerOrderId: failed.orderId,
      reason: failed.errorDescription ?? failed.errorReason ?? "failed",
      description: failed.errorDescription ?? null,
    });
    outcome = "payment_failed_noted";
  } else if (event.event === "refund.processed" && event.refund) {
    outcome = (await markRefundProcessed(deps, {
      providerRefundId: event.refund.id,
      receipt: event.refund.receipt,
    }))
      ? "refunded"
      : "refund_known";
  }
  await deps.db.update(webhookEvents).set({ processedAt: deps.now() }).where(eq(webhookEvents.id, eventId));
  return outcome;
}
