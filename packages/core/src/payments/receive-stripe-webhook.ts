import { DomainError } from "../errors";
import type { Deps } from "../platform/deps";
import { storeWebhookEvent } from "./store-webhook-event";

/**
 * `POST /webhooks/stripe`: the SDK checks the `Stripe-Signature` header over the raw bytes
 * (and its timestamp, against replays of old deliveries); the event is stored under its id
 * (`stripe:evt_…`), so a redelivery finds the id taken and is not acted on twice; a job does
 * the work. A bad signature is a 400, which Stripe shows in its dashboard; nothing is stored.
 */
export async function receiveStripeWebhook(
  deps: Pick<Deps, "db" | "stripe" | "jobs" | "log" | "now">,
  input: { rawBody: Buffer | string; signature: string | null },
): Promise<{ accepted: boolean; duplicate: boolean }> {
  if (!deps.stripe)
    throw new DomainError(
      "NOT_FOUND",
      "payment.gateway_not_configured",
      "Stripe is not set up on this server.",
    );
  const event = input.signature ? await deps.stripe.verifyEvent(input.rawBody, input.signature) : null;
  if (!event) {
    deps.log.warn({}, "Stripe webhook with a bad signature refused");
    throw new DomainError("VALIDATION", "webhook.bad_signature", "Bad webhook signature");
  }
  return storeWebhookEvent(deps, {
    id: `stripe:${event.id}`,
    provider: "stripe",
    type: event.type,
    payload: { id: event.id, type: event.type, created: event.created, object: event.object },
  });
}
