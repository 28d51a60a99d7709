import { randomBytes } from "node:crypto";
import { type RazorpayErrorBody, RECEIPT_MAX_LENGTH } from "../gateway";
import type {
  RazorpayNotes,
  RazorpayOrderEntity,
  RazorpayPaymentEntity,
  RazorpayRefundEntity,
  RazorpayWebhookEvent,
  RazorpayWebhookEventName,
} from "../razorpay-entities";

/** Thrown like the SDK rejects: `{ statusCode, error }` with Razorpay's error body. */
export class FakeRazorpayError extends Error {
  override readonly name = "FakeRazorpayError";
  constructor(
    readonly statusCode: number,
    readonly error: RazorpayErrorBody & { code: string; description: string },
  ) {
    super(`${statusCode} ${error.code}: ${error.description}`);
  }
}

/** One webhook delivery: the event id goes in `x-razorpay-event-id`, the body is JSON. */
export type FakeWebhook = { eventId: string; event: RazorpayWebhookEvent };

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Razorpay ids are a prefix and 14 base-62 characters (`pay_29QQoUBi66xm2f`). */
const newId = (prefix: string) =>
  prefix + Array.from(randomBytes(14), (b) => ALPHABET[b % ALPHABET.length]).join("");

const badRequest = (description: string, field?: string) =>
  new FakeRazorpayError(400, {
    code: "BAD_REQUEST_ERROR",
    description,
    source: "business",
    step: "payment_initiation",
    reason: "input_validation_failed",
    ...(field && { field }),
  });
const noSuchId = () => badRequest("The id provided does not exist");

function checkNotes(notes: Record<string, string> | undefined): RazorpayNotes {
  if (!notes || Object.keys(notes).length === 0) return [];
  if (Object.keys(notes).length > 15) throw badRequest("Number of notes should not exceed 15", "notes");
  for (const v of Object.values(notes))
    if (String(v).length > 256)
      throw badRequest("Note value may not be greater than 256 characters", "notes");
  return { ...notes };
}

/**
 * One in-memory model of the Razorpay account state Bazaar uses: orders, payments against
 * them, refunds of payments, and the webhook events Razorpay would send for each change
 * (the ones Bazaar subscribes to). The HTTP stub and the dev gateway both sit on it, so
 * tests of the SDK adapter and the offline dev mode agree on Razorpay's behaviour.
 * It lives here, not under testing/, because the dev gateway runs on it outside tests.
 * Methods return copies, never live records.
 */
export function createFakeRazorpay(options: { accountId?: string; now?: () => Date } = {}) {
  const accountId = options.accountId ?? "acc_BazaarDevAcct01";
  const now = options.now ?? (() => new Date());
  const unix = () => Math.floor(now().getTime() / 1000);
  const orders = new Map<string, RazorpayOrderEntity>();
  const payments = new Map<string, RazorpayPaymentEntity>();
  const refunds = new Map<string, RazorpayRefundEntity>();
  /** Every event emitted, oldest first. */
  const events: FakeWebhook[] = [];

  const copy = <T>(v: T): T => structuredClone(v);
  const emit = (
    name: RazorpayWebhookEventName,
    entities: { payment?: RazorpayPaymentEntity; order?: RazorpayOrderEntity; refund?: RazorpayRefundEntity },
  ): FakeWebhook => {
    const payload: RazorpayWebhookEvent["payload"] = {};
    const contains: RazorpayWebhookEvent["contains"] = [];
    // Razorpay's order of `contains`: refund events list the refund first, then the payment.
    for (const key of ["refund", "payment", "order"] as const) {
      const entity = entities[key];
      if (!entity) continue;
      contains.push(key);
      (payload as Record<string, unknown>)[key] = { entity: copy(entity) };
    }
    const webhook: FakeWebhook = {
      eventId: newId(""),
      event: { entity: "event", account_id: accountId, event: name, contains, payload, created_at: unix() },
    };
    events.push(webhook);
    return webhook;
  };

  const getOrder = (id: string) => {
    const o = orders.get(id);
    if (!o) throw noSuchId();
    return o;
  };
  const getPayment = (id: string) => {
    const p = payments.get(id);
    if (!p) throw noSuchId();
    return p;
  };
  // Razorpay lists newest first.
  const byNewest = <T extends { created_at: number }>(list: T[]) =>
    list.map((v, i) => [v, i] as const).sort(([a, i], [b, j]) => b.created_at - a.created_at || j - i);

  /** A pending refund reaches its end; a failed refund gives the amount back to the payment. */
  function settleRefund(
    refundId: string,
    outcome: "processed" | "failed",
  ): { refund: RazorpayRefundEntity; webhooks: FakeWebhook[] } {
    const refund = refunds.get(refundId);
    if (!refund) throw noSuchId();
    if (refund.status !== "pending") throw badRequest("The refund is not pending");
    refund.status = outcome;
    const payment = getPayment(refund.payment_id);
    if (outcome === "failed") {
      payment.amount_refunded -= refund.amount;
      payment.refund_status = payment.amount_refunded === 0 ? null : "partial";
      payment.status = "captured";
    }
    return {
      refund: copy(refund),
      webhooks: [emit(outcome === "processed" ? "refund.processed" : "refund.failed", { refund, payment })],
    };
  }

  return {
    accountId,
    events,

    createOrder(input: {
      amount: unknown;
      currency?: unknown;
      receipt?: unknown;
      notes?: Record<string, string>;
    }): RazorpayOrderEntity {
      const amount = Number(input.amount);
      if (!Number.isInteger(amount)) throw badRequest("The amount must be an integer.", "amount");
      if (amount < 100) throw badRequest("The amount must be at least INR 1.00", "amount");
      const currency = input.currency ?? "INR";
      if (currency !== "INR") throw badRequest("The currency should be INR", "currency");
      const receipt = input.receipt == null ? null : String(input.receipt);
      if (receipt !== null && receipt.length > RECEIPT_MAX_LENGTH)
        throw badRequest("The receipt may not be greater than 40 characters.", "receipt");
      const order: RazorpayOrderEntity = {
        id: newId("order_"),
        entity: "order",
        amount,
        amount_paid: 0,
        amount_due: amount,
        currency: "INR",
        receipt,
        offer_id: null,
        status: "created",
        attempts: 0,
        notes: checkNotes(input.notes),
        created_at: unix(),
      };
      orders.set(order.id, order);
      return copy(order);
    },

    fetchOrder(orderId: string): RazorpayOrderEntity {
      return copy(getOrder(orderId));
    },

    orderPayments(orderId: string): RazorpayPaymentEntity[] {
      getOrder(orderId);
      return byNewest([...payments.values()].filter((p) => p.order_id === orderId)).map(([p]) => copy(p));
    },

    fetchPayment(paymentId: string): RazorpayPaymentEntity {
      return copy(getPayment(paymentId));
    },

    /**
     * The customer completes (or fails) Checkout for the order's full amount. A success is
     * captured at once (Razorpay's automatic capture) and emits `payment.captured` then
     * `order.paid`; a failure emits `payment.failed` and leaves the order open for another
     * attempt, as Razorpay does. Paying a paid order is refused.
     */
    pay(
      orderId: string,
      opts: { succeed: boolean; method?: string },
    ): { payment: RazorpayPaymentEntity; webhooks: FakeWebhook[] } {
      const order = getOrder(orderId);
      if (order.status === "paid") throw badRequest("Order has already been paid");
      const method = opts.method ?? "upi";
      const failed = !opts.succeed;
      const payment: RazorpayPaymentEntity = {
        id: newId("pay_"),
        entity: "payment",
        amount: order.amount,
        currency: order.currency,
        status: failed ? "failed" : "captured",
        order_id: order.id,
        invoice_id: null,
        international: false,
        method,
        amount_refunded: 0,
        refund_status: null,
        captured: !failed,
        description: null,
        card_id: null,
        bank: null,
        wallet: null,
        vpa: method === "upi" ? (failed ? "failure@razorpay" : "success@razorpay") : null,
        email: "void@razorpay.com",
        contact: "+919000090000",
        notes: [],
        fee: failed ? null : Math.round(order.amount * 0.02),
        tax: failed ? null : Math.round(order.amount * 0.0036),
        error_code: failed ? "BAD_REQUEST_ERROR" : null,
        error_description: failed
          ? "Your payment didn't go through as it was declined by the bank. Try another payment method or contact your bank."
          : null,
        error_source: failed ? "bank" : null,
        error_step: failed ? "payment_authorization" : null,
        error_reason: failed ? "payment_failed" : null,
        acquirer_data: failed ? {} : { rrn: String(randomBytes(5).readUIntBE(0, 5)).padStart(12, "0") },
        created_at: unix(),
      };
      payments.set(payment.id, payment);
      order.attempts += 1;
      if (failed) {
        if (order.status === "created") order.status = "attempted";
        return { payment: copy(payment), webhooks: [emit("payment.failed", { payment })] };
      }
      order.status = "paid";
      order.amount_paid = order.amount;
      order.amount_due = 0;
      return {
        payment: copy(payment),
        webhooks: [emit("payment.captured", { payment }), emit("order.paid", { payment, order })],
      };
    },

    /**
     * Refunds part or all of a captured payment (no amount: the rest of it). `settle: false`
     * leaves the refund `pending` until `settleRefund`; by default it is processed at once
     * (as in Razorpay's test mode) and `refund.processed` is emitted.
     */
    refund(
      paymentId: string,
      input: { amount?: unknown; receipt?: unknown; notes?: Record<string, string>; settle?: boolean } = {},
    ): { refund: RazorpayRefundEntity; webhooks: FakeWebhook[] } {
      const payment = getPayment(paymentId);
      if (payment.status !== "captured" && payment.status !== "refunded")
        throw badRequest("The payment has not been captured and cannot be refunded");
      const left = payment.amount - payment.amount_refunded;
      if (left === 0) throw badRequest("The payment has been fully refunded already");
      const amount = input.amount === undefined ? left : Number(input.amount);
      if (!Number.isInteger(amount) || amount < 1)
        throw badRequest("The amount must be a positive integer", "amount");
      if (amount > left)
        throw badRequest("The refund amount provided is greater than amount captured", "amount");
      const receipt = input.receipt == null ? null : String(input.receipt);
      if (receipt !== null && receipt.length > RECEIPT_MAX_LENGTH)
        throw badRequest("The receipt may not be greater than 40 characters.", "receipt");
      const refund: RazorpayRefundEntity = {
        id: newId("rfnd_"),
        entity: "refund",
        amount,
        currency: payment.currency,
        payment_id: payment.id,
        notes: checkNotes(input.notes),
        receipt,
        acquirer_data: { arn: null },
        created_at: unix(),
        batch_id: null,
        status: "pending",
        speed_processed: "normal",
        speed_requested: "normal",
      };
      refunds.set(refund.id, refund);
      payment.amount_refunded += amount;
      payment.refund_status = payment.amount_refunded === payment.amount ? "full" : "partial";
      if (payment.amount_refunded === payment.amount) payment.status = "refunded";
      if (input.settle === false) return { refund: copy(refund), webhooks: [] };
      return settleRefund(refund.id, "processed");
    },

    settleRefund,

    paymentRefunds(paymentId: string): RazorpayRefundEntity[] {
      getPayment(paymentId);
      return byNewest([...refunds.values()].filter((r) => r.payment_id === paymentId)).map(([r]) => copy(r));
    },

    reset() {
      orders.clear();
      payments.clear();
      refunds.clear();
      events.length = 0;
    },
  };
}

export type FakeRazorpay = ReturnType<typeof createFakeRazorpay>;
