import type Stripe from "stripe";
import type { GatewayOrder, GatewayPayment, GatewayRefund, StripeGateway } from "../platform/payment-gateway";
import { idempotentRefund } from "./razorpay-entities";
import { fromStripeError } from "./stripe-errors";

/** What STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_API_URL carry. */
export type StripeOptions = {
  secretKey: string;
  publishableKey: string;
  /** `whsec_…`, shown per webhook endpoint in the Stripe Dashboard; not the API key. */
  webhookSecret: string;
  /** API origin, e.g. a local stub (`http://127.0.0.1:PORT`); https://api.stripe.com by default. */
  apiUrl?: string;
  timeoutMs?: number;
};

const REFUND_PAGE = 100; // Stripe's largest page

/**
 * Stripe through its official SDK (stripe 23.x), PaymentIntents in INR. An intent is both
 * the port's "order" and its "payment" (ids `pi_…`), so the domain code that asks a gateway
 * about an order (reconciliation, expiry) or refunds a payment runs unchanged. Creates and
 * refunds carry idempotency keys derived from our ids, so a retry after a lost answer gets
 * the first result back. Amounts are paise: Stripe's smallest INR unit too.
 */
export function createStripeGateway(options: StripeOptions): StripeGateway {
  const { secretKey, publishableKey, webhookSecret } = options;
  // Loaded in the background at once (≈0.5 s): only a process with Stripe keys pays for it.
  const client: Promise<Stripe> = import("stripe").then((m) => new m.default(secretKey, sdkConfig(options)));
  client.catch(() => {}); // surfaced at the first call instead
  const call = async <T>(action: string, fn: (s: Stripe) => Promise<T>): Promise<T> => {
    const s = await client;
    try {
      return await fn(s);
    } catch (e) {
      throw fromStripeError(e, action);
    }
  };
  const retrieve = (id: string) => call("paymentIntents.retrieve", (s) => s.paymentIntents.retrieve(id));
  const listRefunds = async (intentId: string) => {
    const all: GatewayRefund[] = [];
    let startingAfter: string | undefined;
    for (;;) {
      const page = await call("refunds.list", (s) =>
        s.refunds.list({
          payment_intent: intentId,
          limit: REFUND_PAGE,
          ...(startingAfter && { starting_after: startingAfter }),
        }),
      );
      all.push(...page.data.map(toGatewayRefund));
      if (!page.has_more || !page.data.length) return all;
      startingAfter = page.data.at(-1)!.id;
    }
  };

  return {
    kind: "stripe",
    keyId: publishableKey,
    publishableKey,
    async createOrder({ amount, receipt, notes }) {
      const intent = await call("paymentIntents.create", (s) =>
        s.paymentIntents.create(
          {
            amount,
            currency: "inr",
            automatic_payment_methods: { enabled: true },
            metadata: { ...notes, orderId: receipt },
          },
          // One intent per order of ours, however often the create is retried.
          { idempotencyKey: `pi-${receipt}` },
        ),
      );
      return toGatewayOrder(intent);
    },
    async fetchOrderPayments(intentId) {
      return [toGatewayPayment(await retrieve(intentId))];
    },
    async fetchPayment(intentId) {
      return toGatewayPayment(await retrieve(intentId));
    },
    async clientSecret(intentId) {
      const intent = await retrieve(intentId);
      if (!intent.client_secret) throw new Error(`Stripe intent ${intentId} has no client secret`);
      return intent.client_secret;
    },
    listRefunds,
    async refund({ paymentId, amount, idempotencyKey, notes }) {
      // Stripe keeps idempotency keys for 24 hours; the key also rides in the refund's
      // metadata, so a retry days later still finds the refund it already made.
      return idempotentRefund(
        { paymentId, amount, idempotencyKey },
        {
          listRefunds: async (id) => (await listRefunds(id)).map(refundLike),
          async createRefund(id, body) {
            const refund = await call("refunds.create", (s) =>
              s.refunds.create(
                {
                  payment_intent: id,
                  amount: body.amount,
                  metadata: { ...notes, idempotencyKey: body.receipt },
                },
                { idempotencyKey: `refund-${body.receipt}` },
              ),
            );
            return refundLike(toGatewayRefund(refund));
          },
        },
      );
    },
    // Stripe's Payment Element hands back no signature to check: confirmStripePayment
    // retrieves the intent from Stripe instead.
    verifyCheckoutSignature: () => false,
    // Synchronous on the port; Stripe deliveries go through verifyEvent (the SDK's check).
    verifyWebhookSignature: () => false,
    verifyEvent(rawBody, signatureHeader) {
      return client.then((s) => {
        try {
          const event = s.webhooks.constructEvent(rawBody, signatureHeader, webhookSecret);
          return {
            id: event.id,
            type: event.type,
            created: event.created,
            object: event.data.object as unknown as Record<string, unknown>,
          };
        } catch {
          return null;
        }
      });
    },
  };
}

function sdkConfig(options: StripeOptions): Stripe.StripeConfig {
  const config: Stripe.StripeConfig = {
    timeout: options.timeoutMs ?? 20_000,
    maxNetworkRetries: 1,
    telemetry: false,
  };
  if (!options.apiUrl) return config;
  const url = new URL(options.apiUrl);
  return {
    ...config,
    host: url.hostname.replace(/^\[|\]$/g, ""),
    protocol: url.protocol === "http:" ? "http" : "https",
    ...(url.port && { port: Number(url.port) }),
  };
}

/** An intent as the port's order: paid once it succeeded, attempted once a try failed. */
export function toGatewayOrder(intent: Stripe.PaymentIntent): GatewayOrder {
  if (intent.currency !== "inr")
    throw new Error(`Stripe intent ${intent.id} is in ${intent.currency}, not INR`);
  return {
    id: intent.id,
    amount: intent.amount,
    currency: "INR",
    receipt: intent.metadata?.orderId ?? "",
    status: intent.status === "succeeded" ? "paid" : intent.last_payment_error ? "attempted" : "created",
  };
}

/** An intent as the port's payment: `captured` only when Stripe says it succeeded. */
export function toGatewayPayment(intent: Stripe.PaymentIntent): GatewayPayment {
  const error = intent.last_payment_error;
  const status: GatewayPayment["status"] =
    intent.status === "succeeded"
      ? "captured"
      : intent.status === "requires_capture"
        ? "authorized"
        : intent.status === "canceled" || (intent.status === "requires_payment_method" && error)
          ? "failed"
          : "created";
  return {
    id: intent.id,
    orderId: intent.id,
    amount: status === "captured" ? intent.amount_received : intent.amount,
    status,
    amountRefunded: 0,
    ...(intent.payment_method_types?.[0] && { method: intent.payment_method_types[0] }),
    errorReason: error?.decline_code ?? error?.code ?? null,
    errorDescription: error?.message ?? null,
    createdAt: new Date(intent.created * 1000),
  };
}

export function toGatewayRefund(r: Stripe.Refund): GatewayRefund {
  const intent = typeof r.payment_intent === "string" ? r.payment_intent : (r.payment_intent?.id ?? "");
  return {
    id: r.id,
    paymentId: intent,
    amount: r.amount,
    status:
      r.status === "succeeded"
        ? "processed"
        : r.status === "failed" || r.status === "canceled"
          ? "failed"
          : "pending",
    receipt: r.metadata?.idempotencyKey ?? null,
  };
}

const refundLike = (r: GatewayRefund) => ({
  id: r.id,
  payment_id: r.paymentId,
  amount: r.amount,
  status: r.status,
  receipt: r.receipt,
});
