import { createHmac, timingSafeEqual } from "node:crypto";
import { DomainError } from "../errors";

export const RECEIPT_MAX_LENGTH = 40;

/** The signature Razorpay Checkout hands back: hex HMAC-SHA256 of `order_id|payment_id`. */
export function signCheckout(keySecret: string, orderId: string, paymentId: string): string {
  return createHmac("sha256", keySecret).update(`${orderId}|${paymentId}`).digest("hex");
}

/** The `X-Razorpay-Signature` of a webhook: hex HMAC-SHA256 of the raw body bytes. */
export function signWebhook(webhookSecret: string, body: string | Buffer): string {
  return createHmac("sha256", webhookSecret).update(body).digest("hex");
}

/** Constant-time comparison of a claimed hex signature with the expected one. */
export function signatureMatches(expectedHex: string, claimed: string): boolean {
  // Buffer.from(…, "hex") silently drops bad characters, so check the shape first.
  if (typeof claimed !== "string" || !/^[0-9a-f]{64}$/i.test(claimed)) return false;
  return timingSafeEqual(Buffer.from(expectedHex, "hex"), Buffer.from(claimed, "hex"));
}

/** What Razorpay puts under `error` in a failed API response. */
export type RazorpayErrorBody = {
  code?: string;
  description?: string;
  source?: string;
  step?: string;
  reason?: string;
  field?: string;
};

/**
 * One mapping from a Razorpay HTTP outcome to our errors, used by the SDK adapter and the
 * dev gateway alike. `status` 0 means no response at all (refused, reset, timed out).
 */
export function gatewayError(
  status: number,
  body: RazorpayErrorBody | undefined,
  action: string,
): DomainError {
  const details = {
    action,
    status,
    gatewayCode: body?.code ?? null,
    description: body?.description ?? null,
    ...(body?.field && { field: body.field }),
  };
  if (status === 0 || status >= 500 || status === 429)
    return new DomainError(
      "UNAVAILABLE",
      "payment.gateway_unavailable",
      "The payment service cannot be reached right now. Try again in a moment.",
      details,
    );
  if (status === 401 || status === 403)
    return new DomainError(
      "UNAVAILABLE",
      "payment.gateway_auth_failed",
      "The payment service refused our credentials. Payments are unavailable until this is fixed.",
      details,
    );
  // Razorpay answers an unknown id with 400 "The id provided does not exist".
  if (status === 404 || /does not exist/i.test(body?.description ?? ""))
    return new DomainError(
      "NOT_FOUND",
      "payment.gateway_not_found",
      "The payment service has no such record.",
      details,
    );
  return new DomainError(
    "INVALID_STATE",
    "payment.gateway_rejected",
    `The payment service refused the request: ${body?.description ?? `HTTP ${status}`}`,
    details,
  );
}
