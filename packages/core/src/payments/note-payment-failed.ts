import { orders, payments } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { notify, paymentFailedNotice, publishNotified } from "../notifications";
import type { Deps } from "../platform/deps";

/**
 * A payment attempt failed at the gateway. Razorpay and Stripe both let the customer try
 * again on the same order (or intent): note why, keep waiting, and tell the buyer in the
 * same transaction. A payment no longer waiting (paid meanwhile) is left alone.
 */
export async function notePaymentFailed(
  deps: Deps,
  input: { providerOrderId: string; reason: string; description: string | null },
): Promise<void> {
  const notified = await deps.db.transaction(async (tx) => {
    const [noted] = await tx
      .update(payments)
      .set({ failureReason: input.reason, updatedAt: deps.now() })
      .where(and(eq(payments.providerOrderId, input.providerOrderId), eq(payments.status, "created")))
      .returning({ orderId: payments.orderId });
    const [order] = noted ? await tx.select().from(orders).where(eq(orders.id, noted.orderId)) : [];
    return order ? notify(tx, paymentFailedNotice(order, input.description)) : null;
  });
  if (notified) await publishNotified(deps, notified);
}
