import { webhookEvents } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { handleRazorpayWebhook } from "./handle-razorpay-webhook";
import { handleStripeWebhook } from "./handle-stripe-webhook";

/** Job `payments.webhook`: a stored event goes to its provider's handler. */
export async function handlePaymentWebhook(deps: Deps, eventId: string): Promise<string> {
  const [row] = await deps.db
    .select({ provider: webhookEvents.provider })
    .from(webhookEvents)
    .where(eq(webhookEvents.id, eventId));
  if (!row) return "unknown";
  return row.provider === "stripe"
    ? handleStripeWebhook(deps, eventId)
    : handleRazorpayWebhook(deps, eventId);
}
