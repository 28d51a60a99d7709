import { payments, webhookEvents } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import type { StripeEvent } from "../platform/payment-gateway";
import { stripeOf } from "./gateway-for";
import { markRefundProcessed } from "./mark-refund-processed";
import { notePaymentFailed } from "./note-payment-failed";
import { settlePayment } from "./settle-payment";

type Intent = {
  id: string;
  amount: number;
  amount_received?: number;
  currency: string;
  last_payment_error?: { code?: string; decline_code?: string; message?: string } | null;
};

/**
 * Job: acts on a stored Stripe event once. A succeeded intent settles through the same
 * settle-once path as Razorpay's capture (the payment row is locked and moved to paid
 * once); a failed attempt is noted and the buyer told; a refunded charge marks our refunds
 * that Stripe reports done, found by the key they carry in their metadata.
 */
export async function handleStripeWebhook(deps: Deps, eventId: string): Promise<string> {
  const [row] = await deps.db.select().from(webhookEvents).where(eq(webhookEvents.id, eventId));
  if (!row) return "unknown";
  if (row.processedAt) return "already_processed";
  const event = row.payload as StripeEvent;
  let outcome = "ignored";
  if (event.type === "payment_intent.succeeded")
    outcome = await settleIntent(deps, eventId, event.object as Intent);
  else if (event.type === "payment_intent.payment_failed") {
    const intent = event.object as Intent;
    const error = intent.last_payment_error;
    await notePaymentFailed(deps, {
      providerOrderId: intent.id,
      reason: error?.message ?? error?.decline_code ?? error?.code ?? "failed",
      description: error?.message ?? null,
    });
    outcome = "payment_failed_noted";
  } else if (event.type === "charge.refunded") {
    const intentId = (event.object as { payment_intent?: string | { id: string } | null }).payment_intent;
    const id = typeof intentId === "string" ? intentId : intentId?.id;
    // The charge no longer lists its refunds (API 2022-11-15+): ask Stripe for the intent's.
    const done = id ? (await stripeOf(deps).listRefunds(id)).filter((r) => r.status === "processed") : [];
    let marked = 0;
    for (const r of done)
      if (await markRefundProcessed(deps, { providerRefundId: r.id, receipt: r.receipt })) marked++;
    outcome = marked ? "refunded" : "refund_known";
  }
  await deps.db.update(webhookEvents).set({ processedAt: deps.now() }).where(eq(webhookEvents.id, eventId));
  return outcome;
}

async function settleIntent(deps: Deps, eventId: string, intent: Intent): Promise<string> {
  const [payment] = await deps.db
    .select()
    .from(payments)
    .where(and(eq(payments.providerOrderId, intent.id), eq(payments.provider, "stripe")));
  if (!payment) return "no_such_order";
  const received = intent.amount_received ?? intent.amount;
  if (intent.currency !== "inr" || received !== payment.amount) {
    deps.log.warn(
      { eventId, expected: payment.amount, got: received, currency: intent.currency },
      "Stripe webhook amount mismatch; not settled",
    );
    return "amount_mismatch";
  }
  return settlePayment(deps, {
    providerOrderId: intent.id,
    providerPaymentId: intent.id,
    amount: received,
    source: "webhook payment_intent.succeeded",
  });
}
