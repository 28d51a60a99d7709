import { createHmac } from "node:crypto";
import { DomainError } from "../../errors";
import type { GatewayOrder, PaymentGateway } from "../../platform/payment-gateway";
import { signatureMatches, signCheckout, signWebhook } from "../gateway";
import {
  fromRazorpayError,
  idempotentRefund,
  type RazorpayPaymentEntity,
  toGatewayOrder,
  toGatewayPayment,
} from "../razorpay-entities";
import { createFakeRazorpay, type FakeRazorpay, type FakeWebhook } from "./fake-razorpay";

/** A webhook as Razorpay would POST it: body, `X-Razorpay-Signature`, `x-razorpay-event-id`. */
export type DevWebhook = { body: string; signature: string; eventId: string; event: string };

export type DevGateway = PaymentGateway & {
  readonly kind: "dev";
  /** The order for the hosted dev checkout page; undefined when unknown (e.g. after a restart). */
  findOrder(orderId: string): GatewayOrder | undefined;
  /** The model underneath; tests and completeDevPayment drive it. */
  readonly fake: FakeRazorpay;
  /** Signs an event with the dev webhook secret, exactly as Razorpay delivers it. */
  signWebhookEvent(webhook: FakeWebhook): DevWebhook;
  /** The signature Razorpay Checkout would hand the browser for this payment. */
  signCheckoutResult(orderId: string, paymentId: string): string;
};

export const DEV_KEY_ID = "rzp_test_BazaarDevLocal";

/**
 * Development only: createPaymentGateway refuses it in production, because its hosted
 * checkout page marks an order paid without taking any money.
 *
 * The offline default when no Razorpay keys are configured: the same Razorpay model
 * (fake-razorpay) in this process instead of over HTTP, settled by the host's hosted dev
 * checkout page instead of Razorpay Checkout.
 *
 * Secrets: the key secret (checkout signatures) and webhook secret are HMACs of the
 * server's AUTH_SECRET (or its generated DATA_DIR/auth-secret), so they are stable across
 * restarts, differ per installation and never sit in the code — a constant secret would let
 * anyone who can reach a dev server forge "paid" webhooks.
 *
 * State lives in memory only. A restart forgets every dev order and payment: the gateway
 * then answers NOT_FOUND for them, nobody can pay them any more, and the orders waiting on
 * them expire like any unpaid order. Refund outcomes (refund.processed) are handed to
 * `onWebhook`, as Razorpay would POST them later; payment webhooks come back from
 * `completeDevPayment` for the host to deliver.
 */
export function createDevGateway(options: {
  serverSecret: string;
  now?: () => Date;
  onWebhook?: (webhook: DevWebhook) => void;
}): DevGateway {
  const derive = (purpose: string) =>
    createHmac("sha256", options.serverSecret).update(`bazaar:dev-gateway:${purpose}`).digest("base64url");
  const keySecret = derive("key-secret");
  const webhookSecret = derive("webhook-secret");
  const fake = createFakeRazorpay({
    accountId: "acc_BazaarDevLocal",
    ...(options.now && { now: options.now }),
  });

  /** The fake throws Razorpay's HTTP errors; map them exactly as the SDK adapter does. */
  const run = <T>(action: string, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      throw fromRazorpayError(e, action);
    }
  };
  const sign = (w: FakeWebhook): DevWebhook => {
    const body = JSON.stringify(w.event);
    return { body, signature: signWebhook(webhookSecret, body), eventId: w.eventId, event: w.event.event };
  };

  return {
    kind: "dev",
    keyId: DEV_KEY_ID,
    fake,
    signWebhookEvent: sign,
    signCheckoutResult: (orderId, paymentId) => signCheckout(keySecret, orderId, paymentId),
    findOrder(orderId) {
      try {
        return toGatewayOrder(fake.fetchOrder(orderId));
      } catch {
        return undefined;
      }
    },
    async createOrder({ amount, receipt, notes }) {
      return toGatewayOrder(
        run("orders.create", () =>
          fake.createOrder({ amount, currency: "INR", receipt, ...(notes && { notes }) }),
        ),
      );
    },
    async fetchOrderPayments(orderId) {
      return run("orders.fetchPayments", () => fake.orderPayments(orderId)).map(toGatewayPayment);
    },
    async fetchPayment(paymentId) {
      return toGatewayPayment(run("payments.fetch", () => fake.fetchPayment(paymentId)));
    },
    async refund({ paymentId, amount, idempotencyKey, notes }) {
      return idempotentRefund(
        { paymentId, amount, idempotencyKey },
        {
          listRefunds: async (id) => run("payments.fetchMultipleRefund", () => fake.paymentRefunds(id)),
          createRefund: async (id, body) => {
            const { refund, webhooks } = run("payments.refund", () =>
              fake.refund(id, { ...body, ...(notes && { notes }) }),
            );
            for (const w of webhooks) options.onWebhook?.(sign(w));
            return refund;
          },
        },
      );
    },
    verifyCheckoutSignature({ orderId, paymentId, signature }) {
      return signatureMatches(signCheckout(keySecret, orderId, paymentId), signature);
    },
    verifyWebhookSignature(rawBody, signature) {
      return signatureMatches(signWebhook(webhookSecret, rawBody), signature);
    },
  };
}

/** Razorpay Checkout's success result (handler argument / callback_url POST fields). */
export type CheckoutSuccessParams = {
  razorpay_order_id: string;
  razorpay_payment_id: string;
  razorpay_signature: string;
};
/** Razorpay Checkout's failure result (`payment.failed`'s `error`). */
export type CheckoutFailureParams = {
  error: {
    code: string;
    description: string;
    source: string;
    step: string;
    reason: string;
    metadata: { order_id: string; payment_id: string };
  };
};

/**
 * Settles a dev payment as the customer's click on the hosted page decides, and returns
 * what Razorpay would produce: the Checkout result for the browser (`redirectParams`) and
 * the signed webhooks Razorpay would POST (success: payment.captured then order.paid;
 * failure: payment.failed). The host redirects with `devReturnUrl` and POSTs each webhook
 * to its own /webhooks/razorpay. A repeated "pay" on a paid order (a double click) returns
 * the captured payment's result again and no webhooks.
 */
export function completeDevPayment(
  gateway: DevGateway,
  input: { orderId: string; outcome: "pay" | "fail" },
): { redirectParams: CheckoutSuccessParams | CheckoutFailureParams; webhooks: DevWebhook[] } {
  const { fake } = gateway;
  const run = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      throw fromRazorpayError(e, "dev.pay");
    }
  };
  const order = run(() => fake.fetchOrder(input.orderId));
  const success = (p: RazorpayPaymentEntity): CheckoutSuccessParams => ({
    razorpay_order_id: p.order_id,
    razorpay_payment_id: p.id,
    razorpay_signature: gateway.signCheckoutResult(p.order_id, p.id),
  });
  if (order.status === "paid") {
    const captured = fake
      .orderPayments(order.id)
      .find((p) => p.status === "captured" || p.status === "refunded");
    if (input.outcome === "pay" && captured) return { redirectParams: success(captured), webhooks: [] };
    throw new DomainError("INVALID_STATE", "payment.order_already_paid", "This order has already been paid.");
  }
  const { payment, webhooks } = run(() => fake.pay(order.id, { succeed: input.outcome === "pay" }));
  const redirectParams: CheckoutSuccessParams | CheckoutFailureParams =
    payment.status === "captured"
      ? success(payment)
      : {
          error: {
            code: payment.error_code ?? "BAD_REQUEST_ERROR",
            description: payment.error_description ?? "Payment failed",
            source: payment.error_source ?? "customer",
            step: payment.error_step ?? "payment_authorization",
            reason: payment.error_reason ?? "payment_failed",
            metadata: { order_id: payment.order_id, payment_id: payment.id },
          },
        };
  return { redirectParams, webhooks: webhooks.map(gateway.signWebhookEvent) };
}
