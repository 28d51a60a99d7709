import type Razorpay from "razorpay";
import type { Refunds } from "razorpay/dist/types/refunds";
import type { PaymentGateway } from "../platform/payment-gateway";
import { signatureMatches, signCheckout, signWebhook } from "./gateway";
import { fromRazorpayError, idempotentRefund, toGatewayOrder, toGatewayPayment } from "./razorpay-entities";

/** What RAZORPAY_KEY_ID, RAZORPAY_KEY_SECRET, RAZORPAY_WEBHOOK_SECRET and RAZORPAY_API_URL carry. */
export type RazorpayOptions = {
  keyId: string;
  keySecret: string;
  /** Set per webhook in the Razorpay Dashboard; not the key secret. */
  webhookSecret: string;
  /** API origin, e.g. a local stub (`http://127.0.0.1:PORT`); https://api.razorpay.com by default. */
  apiUrl?: string;
  timeoutMs?: number;
};

/** The part of the SDK's axios instance (`instance.api.rq`, untyped by the SDK) we touch. */
type AxiosLike = {
  defaults: { baseURL?: string; timeout?: number; proxy?: false };
  interceptors: {
    response: { use(onFulfilled: undefined, onRejected: (error: unknown) => unknown): unknown };
  };
};

// Loaded on first use: a process on the dev gateway never pays for the SDK.
let sdk: Promise<typeof Razorpay> | undefined;
const loadSdk = () => {
  sdk ??= import("razorpay").then((m) => m.default);
  return sdk;
};

const REFUND_PAGE = 100; // Razorpay's largest page

/**
 * Razorpay through its real SDK (razorpay 2.9.x). The SDK hard-codes
 * https://api.razorpay.com as its axios instance's baseURL and prefixes every path with
 * `/v1`; `apiUrl` replaces that origin (so it must not end in `/v1`). Every failure becomes
 * a DomainError (see `gatewayError`); requests time out after `timeoutMs` (the SDK sets none).
 */
export function createRazorpayGateway(options: RazorpayOptions): PaymentGateway {
  const { keyId, keySecret, webhookSecret } = options;
  let client: Promise<Razorpay> | undefined;
  const rz = () => {
    client ??= loadSdk().then((Sdk) => configure(new Sdk({ key_id: keyId, key_secret: keySecret }), options));
    return client;
  };
  const call = async <T>(action: string, fn: (r: Razorpay) => Promise<T>): Promise<T> => {
    const r = await rz();
    try {
      return await fn(r);
    } catch (e) {
      throw fromRazorpayError(e, action);
    }
  };

  return {
    kind: "razorpay",
    keyId,
    async createOrder({ amount, receipt, notes }) {
      const order = await call("orders.create", (r) =>
        r.orders.create({ amount, currency: "INR", receipt, ...(notes && { notes }) }),
      );
      return toGatewayOrder({ ...order, receipt: order.receipt ?? null });
    },
    async fetchOrderPayments(orderId) {
      const { items } = await call("orders.fetchPayments", (r) => r.orders.fetchPayments(orderId));
      return items.map(toGatewayPayment);
    },
    async fetchPayment(paymentId) {
      return toGatewayPayment(await call("payments.fetch", (r) => r.payments.fetch(paymentId)));
    },
    async refund({ paymentId, amount, idempotencyKey, notes }) {
      return idempotentRefund(
        { paymentId, amount, idempotencyKey },
        {
          async listRefunds(id) {
            const all = [];
            for (let skip = 0; ; skip += REFUND_PAGE) {
              const page = await call("payments.fetchMultipleRefund", (r) =>
                r.payments.fetchMultipleRefund(id, { count: REFUND_PAGE, skip }),
              );
              all.push(...page.items.map(refundLike));
              if (page.items.length < REFUND_PAGE) return all;
            }
          },
          async createRefund(id, body) {
            const refund = await call("payments.refund", (r) =>
              r.payments.refund(id, { ...body, speed: "normal", ...(notes && { notes }) }),
            );
            return refundLike(refund);
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

/** The SDK types a refund's amount as optional; Razorpay always sends it. */
const refundLike = (r: Refunds.RazorpayRefund) => ({
  id: r.id,
  payment_id: r.payment_id,
  amount: Number(r.amount),
  status: r.status,
  receipt: r.receipt ?? null,
});

function configure(instance: Razorpay, options: RazorpayOptions): Razorpay {
  const rq = (instance.api as unknown as { rq?: AxiosLike }).rq;
  if (!rq?.defaults || !rq.interceptors)
    throw new Error("razorpay SDK layout changed: instance.api.rq (its axios instance) is missing");
  rq.defaults.timeout = options.timeoutMs ?? 20_000;
  if (options.apiUrl) {
    const apiUrl = options.apiUrl.replace(/\/+$/, "").replace(/\/v1$/, "");
    rq.defaults.baseURL = apiUrl;
    // A stub on this machine is never reached through an HTTP(S)_PROXY from the environment.
    if (/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:|\/|$)/.test(apiUrl)) rq.defaults.proxy = false;
  }
  // The SDK reads `err.response.status` unguarded, so a request that got no answer
  // (refused, reset, timed out) would surface as a TypeError. Give it a response with
  // status 0 — and a Razorpay-shaped body for non-JSON answers (a proxy's HTML 502).
  rq.interceptors.response.use(undefined, (error) => {
    const e = error as { code?: string; message?: string; response?: { status: number; data?: unknown } };
    if (!e.response)
      e.response = {
        status: 0,
        data: { error: { code: e.code ?? "NETWORK_ERROR", description: e.message ?? "no response" } },
      };
    else if (typeof e.response.data !== "object" || e.response.data === null)
      e.response.data = {
        error: {
          code: `HTTP_${e.response.status}`,
          description: String(e.response.data ?? "").slice(0, 200),
        },
      };
    return Promise.reject(e);
  });
  return instance;
}
