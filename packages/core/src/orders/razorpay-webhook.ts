import { createHash } from "node:crypto";
import { orders, payments, refunds, subOrders, webhookEvents } from "@bazaar/db";
import { and, eq, sql } from "drizzle-orm";
import { DomainError } from "../errors";
import { parseWebhookEvent } from "../payments/razorpay-entities";
import type { Deps } from "../platform/deps";
import { Effects } from "./effects";
import { settlePayment } from "./settle-payment";

/**
 * `POST /webhooks/razorpay`: verify the signature over the raw bytes, store the event under
 * its id (a replay finds the id taken and is ignored), and hand the work to a job so the
 * answer is fast. Razorpay retries anything but a 2xx, so only a forged or malformed
 * delivery is refused.
 */
export async function receiveRazorpayWebhook(
  deps: Pick<Deps, "db" | "payments" | "jobs" | "log" | "now">,
  input: { rawBody: Buffer | string; signature: string | null; eventId: string | null },
): Promise<{ accepted: boolean; duplicate: boolean }> {
  if (!input.signature || !deps.payments.verifyWebhookSignature(input.rawBody, input.signature)) {
    deps.log.warn({ eventId: input.eventId }, "webhook with a bad signature refused");
    throw new DomainError("FORBIDDEN", "webhook.bad_signature", "Bad webhook signature");
  }
  const event = parseWebhookEvent(input.rawBody);
  // Razorpay sends x-razorpay-event-id; without it, the body itself identifies the delivery.
  const id = input.eventId ?? `sha256:${createHash("sha256").update(input.rawBody).digest("hex")}`;
  const inserted = await deps.db
    .insert(webhookEvents)
    .values({
      id,
      provider: "razorpay",
      event: event.event,
      payload: JSON.parse(input.rawBody.toString()),
      receivedAt: deps.now(),
    })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  const duplicate = inserted.length === 0;
  if (duplicate) {
    // Stored before, but maybe never acted on: the enqueue after the first delivery can
    // fail (Redis away), and Razorpay's retry is the fastest second chance it gets.
    const [stored] = await deps.db
      .select({ processedAt: webhookEvents.processedAt })
      .from(webhookEvents)
      .where(eq(webhookEvents.id, id));
    if (stored?.processedAt) return { accepted: true, duplicate };
  }
  // Stored is accepted: if the job cannot be queued now, the sweep queues it later.
  await deps.jobs
    .enqueue("payments.webhook", { eventId: id }, { dedupeKey: `webhook:${id}` })
    .catch((err) => deps.log.error({ err, eventId: id }, "webhook stored but not queued; the sweep will"));
  return { accepted: true, duplicate };
}

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
    await deps.db
      .update(payments)
      .set({
        failureReason: event.payment.errorDescription ?? event.payment.errorReason ?? "failed",
        updatedAt: deps.now(),
      })
      .where(and(eq(payments.providerOrderId, event.payment.orderId), eq(payments.status, "created")));
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
    await fx.email(tx, order!.customerId, "refund_processed", {
      number: order!.number,
      amount: refund.amount,
      url: `${deps.urls.customer}/orders/${order!.id}`,
    });
    return true;
  });
  await fx.release(deps);
  return changed;
}
