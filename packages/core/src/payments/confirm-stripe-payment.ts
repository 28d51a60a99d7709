import { orders, payments } from "@bazaar/db";
import { type OrderDto, OrderIdInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { DomainError, invalidState } from "../errors";
import { findCustomerOrder, paymentStartFor, toOrderDto } from "../orders";
import type { Actor, Deps } from "../platform/deps";
import { stripeOf } from "./gateway-for";
import { settlePayment } from "./settle-payment";

/**
 * The buyer is back from Stripe's Payment Element (or its redirect). Nothing the browser
 * says is believed: we retrieve our order's intent from Stripe and settle only if Stripe
 * says it succeeded for exactly our amount, in rupees. Confirming twice, or after the
 * webhook, changes nothing (settle-once). Still processing: the webhook settles it later.
 */
export async function confirmStripePayment(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof OrderIdInput>,
): Promise<OrderDto> {
  const { orderId } = OrderIdInput.parse(raw);
  const order = await findCustomerOrder(deps.db, actor, orderId);
  const [payment] = await deps.db
    .select()
    .from(payments)
    .where(and(eq(payments.orderId, order.id), eq(payments.provider, "stripe")));
  if (order.paymentMethod !== "stripe")
    throw invalidState("payment.not_stripe", "This order is not paid by card through Stripe");
  if (!payment) throw invalidState("payment.not_started", "Start the card payment for this order first");
  if (payment.status === "created") {
    const intent = await stripeOf(deps).fetchPayment(payment.providerOrderId);
    if (intent.status === "captured" && intent.amount !== payment.amount) {
      deps.log.warn(
        { orderId: order.id, expected: payment.amount, got: intent.amount },
        "Stripe confirmation refused: amount mismatch",
      );
      throw new DomainError(
        "INVALID_STATE",
        "payment.amount_mismatch",
        "This payment does not match the order",
      );
    }
    if (intent.status === "captured")
      await settlePayment(deps, {
        providerOrderId: payment.providerOrderId,
        providerPaymentId: intent.id,
        amount: intent.amount,
        source: "stripe return",
      });
  }
  const [fresh] = await deps.db.select().from(orders).where(eq(orders.id, order.id));
  return toOrderDto(deps.db, deps, fresh!, await paymentStartFor(deps.db, deps, fresh!));
}
