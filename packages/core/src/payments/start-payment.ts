import { type orders, payments } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { invalidState } from "../errors";
import type { Deps } from "../platform/deps";
import { gatewayFor } from "./gateway-for";

/**
 * The gateway order an online order is paid against (a Razorpay order, or a Stripe
 * PaymentIntent for `stripe`); created once. The receipt (Stripe: metadata.orderId) is
 * our order id, so either side can find the other. A lost race (two tabs) leaves one
 * unused gateway order behind, which never receives money and is harmless.
 */
export async function startPayment(
  deps: Pick<Deps, "db" | "payments" | "stripe" | "now">,
  order: typeof orders.$inferSelect,
) {
  const [current] = await deps.db.select().from(payments).where(eq(payments.orderId, order.id));
  if (current) return current;
  if (order.paymentStatus !== "pending")
    throw invalidState("payment.not_pending", "This order is not waiting for a payment");
  const gateway = gatewayFor(deps, order.paymentMethod === "stripe" ? "stripe" : "razorpay");
  const gatewayOrder = await gateway.createOrder({
    amount: order.total,
    receipt: order.id,
    notes: { orderNumber: order.number },
  });
  const now = deps.now();
  await deps.db
    .insert(payments)
    .values({
      orderId: order.id,
      provider: gateway.kind,
      providerOrderId: gatewayOrder.id,
      amount: order.total,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing({ target: payments.orderId });
  const [row] = await deps.db.select().from(payments).where(eq(payments.orderId, order.id));
  return row!;
}
