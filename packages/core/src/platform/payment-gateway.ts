/** A Razorpay order: what Razorpay Checkout is opened on. Amounts are integer paise. */
export type GatewayOrder = {
  id: string;
  amount: number;
  currency: "INR";
  /** Ours: the receipt we created the order with. */
  receipt: string;
  status: "created" | "attempted" | "paid";
};

/** One payment attempt against an order; an order can collect several (failed, then captured). */
export type GatewayPayment = {
  id: string;
  orderId: string;
  amount: number;
  status: "created" | "authorized" | "captured" | "refunded" | "failed";
  /** Paise refunded so far (partial refunds leave the status `captured`). */
  amountRefunded: number;
  method?: string;
  /** Machine reason of a failed payment (Razorpay's `error_reason`, e.g. `payment_failed`). */
  errorReason: string | null;
  /** Human text of a failed payment (Razorpay's `error_description`). */
  errorDescription: string | null;
  createdAt: Date;
};

export type GatewayRefund = {
  id: string;
  paymentId: string;
  amount: number;
  status: "pending" | "processed" | "failed";
  /** The idempotency key the refund was created with. */
  receipt: string | null;
};

/**
 * The payment gateway port: Razorpay in production, the in-process dev gateway otherwise
 * (both adapters in payments/).
 * Both speak Razorpay's model (orders, payments, refunds, checkout signature, signed
 * webhooks), so the domain code is the same in both modes. Failures are DomainErrors:
 * `payment.gateway_unavailable` (UNAVAILABLE: network, timeout, 5xx, 429 — safe to retry),
 * `payment.gateway_auth_failed` (UNAVAILABLE: our keys are wrong — an operator must act),
 * `payment.gateway_not_found` (NOT_FOUND), `payment.gateway_rejected` (INVALID_STATE: any
 * other refusal, Razorpay's description in the message), `payment.refund_key_reused` (CONFLICT).
 */
export interface PaymentGateway {
  readonly kind: "razorpay" | "dev" | "stripe";
  /**
   * False only for the stand-in behind Razorpay when production runs on Stripe alone: Razorpay
   * is then never offered, and any call fails as unavailable. Absent: a working gateway.
   */
  readonly configured?: false;
  /** Public key the client passes to Razorpay Checkout (`key`). Meaningless for "dev". */
  readonly keyId: string;
  /** `receipt` is ours (at most 40 characters, Razorpay's limit); amount in paise (≥ 100). */
  createOrder(input: {
    amount: number;
    receipt: string;
    notes?: Record<string, string>;
  }): Promise<GatewayOrder>;
  fetchOrderPayments(orderId: string): Promise<GatewayPayment[]>;
  fetchPayment(paymentId: string): Promise<GatewayPayment>;
  /**
   * Refunds `amount` paise of a captured payment. Idempotent by `idempotencyKey` (at most
   * 40 characters): a second call with the same key returns the first refund; the same key
   * with another amount is a CONFLICT. Callers still serialise refunds of one payment (a row
   * lock on our refund row): two *concurrent* first calls could both create a refund.
   */
  refund(input: {
    paymentId: string;
    amount: number;
    idempotencyKey: string;
    notes?: Record<string, string>;
  }): Promise<GatewayRefund>;
  /** Razorpay Checkout's handler result: HMAC-SHA256(order_id|payment_id, key_secret). */
  verifyCheckoutSignature(input: { orderId: string; paymentId: string; signature: string }): boolean;
  /** `X-Razorpay-Signature` over the raw request body (never a re-serialised parse). */
  verifyWebhookSignature(rawBody: string | Buffer, signature: string): boolean;
}

/**
 * Stripe, the second gateway (payments/stripe-gateway.ts), on the same port: a PaymentIntent
 * plays the gateway order *and* its payment (both ids are the intent's `pi_…`), so
 * reconciliation, expiry and refunds run unchanged. The browser pays in Stripe's Payment
 * Element with the intent's client secret; there is no checkout signature (always false):
 * the server retrieves the intent instead. Webhooks are verified and parsed in one step.
 */
export interface StripeGateway extends PaymentGateway {
  readonly kind: "stripe";
  /** `pk_…`, for Stripe.js in the browser. */
  readonly publishableKey: string;
  /** The intent's client secret, fetched from Stripe (never stored). */
  clientSecret(intentId: string): Promise<string>;
  /** Every refund of a payment (an intent), newest first. */
  listRefunds(paymentId: string): Promise<GatewayRefund[]>;
  /**
   * The event of a webhook delivery, checked against the `Stripe-Signature` header with the
   * SDK over the raw bytes; null when the signature (or its timestamp) does not hold.
   */
  verifyEvent(rawBody: string | Buffer, signatureHeader: string): Promise<StripeEvent | null>;
}

/** The part of a Stripe webhook event Bazaar reads; `object` is the intent, charge or refund. */
export type StripeEvent = {
  id: string;
  type: string;
  created: number;
  object: Record<string, unknown>;
};
