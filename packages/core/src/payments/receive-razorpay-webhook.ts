import { createHash } from "node:crypto";
import { DomainError } from "../errors";
import type { Deps } from "../platform/deps";
import { parseWebhookEvent } from "./razorpay-entities";
import { storeWebhookEvent } from "./store-webhook-event";

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
  return storeWebhookEvent(deps, {
    id,
    provider: "razorpay",
    type: event.event,
    payload: JSON.parse(input.rawBody.toString()),
  });
}
