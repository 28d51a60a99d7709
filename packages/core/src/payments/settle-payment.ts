import { type Database, orders, payments, refunds, subOrders } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { refreshSales } from "../analytics";
import { notify, paymentReceivedNotice, sellerNewOrder, shopOwners } from "../notifications";
import type { OrderRow } from "../orders";
import { Effects, recordTransition } from "../orders";
import type { Deps } from "../platform/deps";
import { emitWebhookEvent, orderWebhookEvents } from "../webhooks";

export type SettleResult = "paid" | "already_paid" | "refunding_late_payment";

type Settlement = { providerOrderId: string; providerPaymentId: string; amount: number; source: string };
type PaymentRow = typeof payments.$inferSelect;

/**
 * Records that the gateway captured `amount` for our payment row, whichever messenger
 * brought the news first (the customer's confirm, a webhook, reconciliation). Idempotent:
 * the payment row is locked and moved from created to paid once; every later arrival is
 * "already_paid". A payment that lands after the order expired is refunded in full.
 */
export async function settlePayment(deps: Deps, input: Settlement): Promise<SettleResult> {
  const now = deps.now();
  const fx = new Effects();
  const result = await deps.db.transaction(async (tx): Promise<SettleResult> => {
    const [payment] = await tx
      .select()
      .from(payments)
      .where(eq(payments.providerOrderId, input.providerOrderId))
      .for("update");
    if (!payment) throw new Error(`no payment row for gateway order ${input.providerOrderId}`);
    if (payment.status === "paid") return "already_paid";
    const [order] = await tx.select().from(orders).where(eq(orders.id, payment.orderId)).for("update");
    await tx
      .update(payments)
      .set({ status: "paid", providerPaymentId: input.providerPaymentId, paidAt: now, updatedAt: now })
      .where(eq(payments.id, payment.id));
    if (order!.paymentStatus !== "pending") {
      await refundLatePayment(deps, tx, fx, { payment, order: order!, input, now });
      return "refunding_late_payment";
    }
    await confirmPaidOrder(deps, tx, fx, { payment, order: order!, input, now });
    return "paid";
  });
  await fx.release(deps);
  return result;
}

type Step = { payment: PaymentRow; order: OrderRow; input: Settlement; now: Date };

/** Books a refund and queues the job that sends it; the key makes booking it twice a no-op. */
async function bookRefund(
  deps: Deps,
  tx: Database,
  fx: Effects,
  values: {
    payment: PaymentRow;
    order: OrderRow;
    subOrderId?: string;
    amount: number;
    key: string;
    now: Date;
  },
) {
  const [refund] = await tx
    .insert(refunds)
    .values({
      paymentId: values.payment.id,
      orderId: values.order.id,
      ...(values.subOrderId && { subOrderId: values.subOrderId }),
      amount: values.amount,
      idempotencyKey: values.key,
      createdAt: values.now,
      updatedAt: values.now,
    })
    .onConflictDoNothing()
    .returning();
  if (refund)
    fx.jobs.push(() =>
      deps.jobs.enqueue("payments.refund", { refundId: refund.id }, { dedupeKey: `refund:${refund.id}` }),
    );
}

/** Too late: the order was cancelled or expired and its stock released. Give the money back. */
async function refundLatePayment(
  deps: Deps,
  tx: Database,
  fx: Effects,
  { payment, order, input, now }: Step,
) {
  await bookRefund(deps, tx, fx, { payment, order, amount: input.amount, key: `l-${payment.id}`, now });
  deps.log.warn(
    { orderId: order.id, source: input.source },
    "payment arrived after the order closed; refunding it",
  );
}

/**
 * The order is paid: parts cancelled while it waited are refunded, the rest are confirmed
 * (with their invoice number) and their sellers told, and the customer gets a receipt.
 */
async function confirmPaidOrder(deps: Deps, tx: Database, fx: Effects, { payment, order, input, now }: Step) {
  const [paid] = await tx
    .update(orders)
    .set({ paymentStatus: "paid", paidAt: now, updatedAt: now })
    .where(eq(orders.id, order.id))
    .returning();
  const all = await tx.select().from(subOrders).where(eq(subOrders.orderId, order.id));
  // Parts cancelled while the order waited for its money were paid for all the same:
  // the payment covers the whole order, so those parts are refunded now.
  for (const gone of all.filter((s) => s.status === "cancelled"))
    await bookRefund(deps, tx, fx, {
      payment,
      order,
      subOrderId: gone.id,
      amount: gone.total,
      key: `c-${gone.id}`,
      now,
    });
  for (const sub of all.filter((s) => s.status === "placed")) {
    await tx
      .update(subOrders)
      .set({ status: "confirmed", invoiceNumber: `INV-${sub.number}`, updatedAt: now })
      .where(eq(subOrders.id, sub.id));
    await fx.sellerNewOrder(tx, sub, deps.urls.seller);
    await recordTransition(tx, fx, {
      order: paid!,
      subOrder: sub,
      from: "placed",
      to: "confirmed",
      actor: { kind: "system", userId: null },
      note: "Payment received",
      at: now,
    });
  }
  await refreshSales(tx, { orderIds: [order.id] });
  // The buyer's receipt and each confirmed shop's new order, in one statement.
  const confirmed = all.filter((s) => s.status === "placed");
  const owners = await shopOwners(
    tx,
    confirmed.map((s) => s.sellerId),
  );
  await emitWebhookEvent(tx, orderWebhookEvents("order.paid", order, confirmed, { status: "confirmed" }));
  fx.notified.push(
    await notify(tx, [
      paymentReceivedNotice(order, input.amount),
      ...confirmed.flatMap((s) =>
        owners.has(s.sellerId) ? [sellerNewOrder(s, owners.get(s.sellerId)!)] : [],
      ),
    ]),
  );
  await fx.email(tx, order.customerId, "payment_received", {
    number: order.number,
    amount: input.amount,
    url: `${deps.urls.customer}/orders/${order.id}`,
  });
  deps.log.info({ orderId: order.id, source: input.source }, "order paid");
}
