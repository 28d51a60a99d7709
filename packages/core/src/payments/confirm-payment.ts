import { orders, payments } from "@bazaar/db";
import { ConfirmPaymentInput, type OrderDto } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { DomainError, invalidField, notFound } from "../errors";
import { paymentStartFor, toOrderDto } from "../orders";
import type { Actor, Deps } from "../platform/deps";
import { settlePayment } from "./settle-payment";

/**
 * The browser's word that Razorpay Checkout succeeded. Trusted only after checking the
 * HMAC signature with our key secret, and the payment itself at the gateway: it must
 * belong to this order, be captured, and be for exactly the amount we asked. Anything
 * else is refused and logged. Confirming twice, or after the webhook, changes nothing.
 */
export async function confirmPayment(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof ConfirmPaymentInput>,
): Promise<OrderDto> {
  const input = ConfirmPaymentInput.parse(raw);
  const [row] = await deps.db
    .select({ payment: payments, order: orders })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(and(eq(payments.providerOrderId, input.razorpayOrderId), eq(orders.customerId, actor.userId)));
  // A Stripe payment is confirmed by confirmStripePayment, never by a Razorpay signature.
  if (!row || row.payment.provider === "stripe")
    throw notFound("payment.not_found", "No such payment for your orders");
  const ok = deps.payments.verifyCheckoutSignature({
    orderId: input.razorpayOrderId,
    paymentId: input.razorpayPaymentId,
    signature: input.signature,
  });
  if (!ok) {
    deps.log.warn(
      { orderId: row.order.id, userId: actor.userId, razorpayOrderId: input.razorpayOrderId },
      "payment confirmation with a bad signature refused",
    );
    throw invalidField("signature", "payment.bad_signature", "The payment signature does not match");
  }
  const payment = await deps.payments.fetchPayment(input.razorpayPaymentId);
  const mismatch =
    payment.orderId !== input.razorpayOrderId
      ? "order"
      : payment.amount !== row.payment.amount
        ? "amount"
        : null;
  if (mismatch) {
    deps.log.warn(
      {
        orderId: row.order.id,
        expected: row.payment.amount,
        got: payment.amount,
        gatewayOrder: payment.orderId,
      },
      `payment confirmation refused: ${mismatch} mismatch`,
    );
    throw new DomainError(
      "INVALID_STATE",
      `payment.${mismatch}_mismatch`,
      "This payment does not match the order",
    );
  }
  if (payment.status === "captured")
    await settlePayment(deps, {
      providerOrderId: input.razorpayOrderId,
      providerPaymentId: payment.id,
      amount: payment.amount,
      source: "checkout confirm",
    });
  // Authorized but not yet captured: the webhook or reconciliation settles it shortly.
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, row.order.id));
  return toOrderDto(deps.db, deps, order!, await paymentStartFor(deps.db, deps, order!));
}
