import { z } from "zod";
import { DomainError } from "../errors";
import type { GatewayOrder, GatewayPayment, GatewayRefund } from "../platform/payment-gateway";
import { gatewayError, type RazorpayErrorBody, RECEIPT_MAX_LENGTH } from "./gateway";

/*
 * Razorpay's wire shapes (the subset Bazaar reads), shared by the SDK adapter, the fake and
 * the webhook parser, and their mapping to the port's types. Razorpay serialises empty
 * `notes` as `[]` (a PHP habit), so notes are typed loosely.
 */

export type RazorpayNotes = Record<string, string> | [];

export type RazorpayOrderEntity = {
  id: string;
  entity: "order";
  amount: number;
  amount_paid: number;
  amount_due: number;
  currency: string;
  receipt: string | null;
  offer_id: string | null;
  status: "created" | "attempted" | "paid";
  attempts: number;
  notes: RazorpayNotes;
  created_at: number;
};

export type RazorpayPaymentEntity = {
  id: string;
  entity: "payment";
  amount: number;
  currency: string;
  status: "created" | "authorized" | "captured" | "refunded" | "failed";
  order_id: string;
  invoice_id: string | null;
  international: boolean;
  method: string;
  amount_refunded: number;
  refund_status: "partial" | "full" | null;
  captured: boolean;
  description: string | null;
  card_id: string | null;
  bank: string | null;
  wallet: string | null;
  vpa: string | null;
  email: string;
  contact: string;
  notes: RazorpayNotes;
  fee: number | null;
  tax: number | null;
  error_code: string | null;
  error_description: string | null;
  error_source: string | null;
  error_step: string | null;
  error_reason: string | null;
  acquirer_data: Record<string, string | null>;
  created_at: number;
};

export type RazorpayRefundEntity = {
  id: string;
  entity: "refund";
  amount: number;
  currency: string;
  payment_id: string;
  notes: RazorpayNotes;
  receipt: string | null;
  acquirer_data: Record<string, string | null>;
  created_at: number;
  batch_id: string | null;
  status: "pending" | "processed" | "failed";
  speed_processed: "normal" | "instant";
  speed_requested: "normal" | "optimum";
};

export type RazorpayWebhookEventName =
  | "payment.captured"
  | "payment.failed"
  | "order.paid"
  | "refund.processed"
  | "refund.failed";

/** A webhook body as Razorpay POSTs it; the event id travels in `x-razorpay-event-id`. */
export type RazorpayWebhookEvent = {
  entity: "event";
  account_id: string;
  event: RazorpayWebhookEventName;
  contains: ("payment" | "order" | "refund")[];
  payload: {
    payment?: { entity: RazorpayPaymentEntity };
    order?: { entity: RazorpayOrderEntity };
    refund?: { entity: RazorpayRefundEntity };
  };
  created_at: number;
};

// The SDK's types allow string amounts; Razorpay answers with integers.
type Amount = { amount: number | string };
type OrderLike = Pick<RazorpayOrderEntity, "id" | "currency" | "receipt" | "status"> & Amount;
type PaymentLike = Pick<
  RazorpayPaymentEntity,
  "id" | "order_id" | "status" | "method" | "created_at" | "error_reason" | "error_description"
> &
  Amount & { amount_refunded?: number | null };
type RefundLike = Pick<RazorpayRefundEntity, "id" | "payment_id" | "status"> &
  Amount & { receipt?: string | null };

export function toGatewayOrder(o: OrderLike): GatewayOrder {
  if (o.currency !== "INR") throw new Error(`Razorpay order ${o.id} is in ${o.currency}, not INR`);
  return { id: o.id, amount: Number(o.amount), currency: "INR", receipt: o.receipt ?? "", status: o.status };
}

export function toGatewayPayment(p: PaymentLike): GatewayPayment {
  return {
    id: p.id,
    orderId: p.order_id,
    amount: Number(p.amount),
    status: p.status,
    amountRefunded: p.amount_refunded ?? 0,
    ...(p.method && { method: p.method }),
    errorReason: p.error_reason ?? null,
    errorDescription: p.error_description ?? null,
    createdAt: new Date(p.created_at * 1000),
  };
}

export function toGatewayRefund(r: RefundLike): GatewayRefund {
  return {
    id: r.id,
    paymentId: r.payment_id,
    amount: Number(r.amount),
    status: r.status,
    receipt: r.receipt ?? null,
  };
}

/**
 * Razorpay errors arrive as `{ statusCode, error }` — from the SDK (which rejects with that
 * plain object) and from the fake alike. Those become DomainErrors; anything else (a bug)
 * is returned unchanged.
 */
export function fromRazorpayError(e: unknown, action: string): unknown {
  if (typeof e !== "object" || e === null || !("statusCode" in e)) return e;
  const { statusCode, error } = e as { statusCode: unknown; error?: RazorpayErrorBody };
  const status = Number(statusCode);
  return Number.isFinite(status) ? gatewayError(status, error, action) : e;
}

/**
 * Idempotent refund over any Razorpay-shaped backend. Razorpay's refund API takes no
 * idempotency header (and the SDK could not send one: it forwards only X-Razorpay-Account
 * and Content-Type), and it does not reject a repeated `receipt`. So the key travels as the
 * refund's `receipt`, and before creating we list the payment's refunds and return the one
 * carrying that receipt. This covers the dangerous case — the request reached Razorpay but
 * the answer was lost (timeout, reset), and the caller retries. It cannot stop two
 * concurrent first attempts; callers serialise refunds of one payment in the database.
 */
export async function idempotentRefund(
  input: { paymentId: string; amount: number; idempotencyKey: string },
  backend: {
    listRefunds(paymentId: string): Promise<RefundLike[]>;
    createRefund(paymentId: string, body: { amount: number; receipt: string }): Promise<RefundLike>;
  },
): Promise<GatewayRefund> {
  const { paymentId, amount, idempotencyKey } = input;
  if (!idempotencyKey || idempotencyKey.length > RECEIPT_MAX_LENGTH)
    throw new Error(`refund idempotency key must be 1-${RECEIPT_MAX_LENGTH} characters`);
  const existing = (await backend.listRefunds(paymentId)).find((r) => r.receipt === idempotencyKey);
  if (existing) {
    if (Number(existing.amount) !== amount)
      throw new DomainError(
        "CONFLICT",
        "payment.refund_key_reused",
        "This refund key was already used for a different amount.",
        { refundId: existing.id, amount: existing.amount, requested: amount },
      );
    return toGatewayRefund(existing);
  }
  return toGatewayRefund(await backend.createRefund(paymentId, { amount, receipt: idempotencyKey }));
}

const notes = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).optional();
const orderSchema = z.looseObject({
  id: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  receipt: z.string().nullable(),
  status: z.enum(["created", "attempted", "paid"]),
  notes,
});
const paymentSchema = z.looseObject({
  id: z.string(),
  order_id: z.string(),
  amount: z.number().int(),
  amount_refunded: z.number().int().nullish(),
  status: z.enum(["created", "authorized", "captured", "refunded", "failed"]),
  method: z.string(),
  error_reason: z.string().nullable().default(null),
  error_description: z.string().nullable().default(null),
  created_at: z.number(),
});
const refundSchema = z.looseObject({
  id: z.string(),
  payment_id: z.string(),
  amount: z.number().int(),
  receipt: z.string().nullable().default(null),
  status: z.enum(["pending", "processed", "failed"]),
});
const eventSchema = z.looseObject({
  entity: z.literal("event"),
  account_id: z.string(),
  event: z.string(),
  contains: z.array(z.string()),
  payload: z.looseObject({
    payment: z.object({ entity: paymentSchema }).optional(),
    order: z.object({ entity: orderSchema }).optional(),
    refund: z.object({ entity: refundSchema }).optional(),
  }),
  created_at: z.number(),
});

export type ParsedWebhookEvent = {
  /** e.g. `payment.captured`; events Bazaar does not handle parse too — ignore them. */
  event: string;
  accountId: string;
  createdAt: Date;
  payment?: GatewayPayment;
  order?: GatewayOrder;
  refund?: GatewayRefund;
};

/**
 * A webhook body (already signature-checked against the raw bytes) as the port's types.
 * Malformed bodies are a VALIDATION error with reason `payment.webhook_malformed`.
 */
export function parseWebhookEvent(rawBody: string | Buffer): ParsedWebhookEvent {
  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString());
  } catch {
    json = undefined;
  }
  const parsed = eventSchema.safeParse(json);
  if (!parsed.success)
    throw new DomainError(
      "VALIDATION",
      "payment.webhook_malformed",
      "The webhook body is not a Razorpay event.",
    );
  const e = parsed.data;
  return {
    event: e.event,
    accountId: e.account_id,
    createdAt: new Date(e.created_at * 1000),
    ...(e.payload.payment && { payment: toGatewayPayment(e.payload.payment.entity) }),
    ...(e.payload.order && { order: toGatewayOrder(e.payload.order.entity) }),
    ...(e.payload.refund && { refund: toGatewayRefund(e.payload.refund.entity) }),
  };
}
