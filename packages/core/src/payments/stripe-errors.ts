import { DomainError } from "../errors";
import { gatewayError } from "./gateway";

/** The fields of the SDK's StripeError subclasses that say what went wrong. */
type StripeErrorLike = {
  type: string;
  rawType?: string;
  statusCode?: number;
  code?: string;
  decline_code?: string;
  message: string;
};

const isStripeError = (e: unknown): e is StripeErrorLike => {
  const type = e instanceof Error ? (e as unknown as { type?: unknown }).type : undefined;
  return typeof type === "string" && type.startsWith("Stripe");
};

/**
 * The SDK's errors as ours, beside Razorpay's `gatewayError`: a declined card is the
 * customer's to fix (`payment.card_declined`), no answer, 5xx and 429 are
 * `payment.gateway_unavailable` (retry), a refused key `payment.gateway_auth_failed`, an
 * unknown id `payment.gateway_not_found`, an idempotency key reused with other parameters a
 * CONFLICT. Anything not from the SDK (a bug) is returned unchanged.
 */
export function fromStripeError(e: unknown, action: string): unknown {
  if (!isStripeError(e)) return e;
  const body = { code: e.decline_code ?? e.code, description: e.message };
  if (e.type === "StripeCardError" || e.rawType === "card_error")
    return new DomainError("INVALID_STATE", "payment.card_declined", e.message || "The card was declined.", {
      action,
      status: e.statusCode ?? 402,
      gatewayCode: body.code ?? null,
      description: e.message ?? null,
    });
  if (e.type === "StripeIdempotencyError")
    return new DomainError(
      "CONFLICT",
      "payment.idempotency_conflict",
      "The payment service saw this request before with different details.",
      { action, description: e.message ?? null },
    );
  if (e.type === "StripeConnectionError") return gatewayError(0, body, action);
  if (e.type === "StripeAuthenticationError") return gatewayError(401, body, action);
  if (e.type === "StripePermissionError") return gatewayError(403, body, action);
  if (e.code === "resource_missing") return gatewayError(404, body, action);
  return gatewayError(e.statusCode ?? 0, body, action);
}
