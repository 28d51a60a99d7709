import {
  inventoryMovements,
  orderItems,
  orders,
  payments,
  productVariants,
  refunds,
  returnLines,
  returns,
  subOrders,
} from "@bazaar/db";
import { ReturnReceiveInput, type SellerReturnDto } from "@bazaar/schemas";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { refreshSales } from "../analytics";
import { refreshDerived } from "../catalog";
import { invalidField, invalidState } from "../errors";
import { postReturnClawback } from "../ledger";
import { notify, returnNotice } from "../notifications";
import { Effects } from "../orders";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { emitWebhookEvent, returnWebhookEvent } from "../webhooks";
import { lockSubOrderItems } from "./pricing";
import { findReturn, ofSeller } from "./queries";
import { toSellerReturnDto } from "./seller-views";
import { recordReturnStep } from "./steps";
import { assertReturnMove } from "./transitions";

/**
 * The parcel is back: the seller says per line whether the units go back on sale (written
 * to the inventory log as `return:<number>`) and the refund is booked in the same
 * transaction. Online orders get a gateway refund through the refund job (idempotency key
 * `r-<returnId>`: booked once however many receipts race); cash-on-delivery refunds are
 * owed until an admin pays them. Each line's refunded paise can never pass what was paid
 * for it, nor the sub-order's refunds its total.
 */
export async function receiveReturn(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof ReturnReceiveInput>,
): Promise<SellerReturnDto> {
  const input = ReturnReceiveInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  await deps.db.transaction(async (tx) => {
    const ret = await findReturn(tx, input.id, ofSeller(actor.sellerId), true);
    assertReturnMove(ret.status, "received", "seller");
    const lines = await tx.select().from(returnLines).where(eq(returnLines.returnId, ret.id));
    input.lines.forEach((l, i) => {
      if (!lines.some((x) => x.orderItemId === l.orderItemId))
        throw invalidField(
          `lines.${i}.orderItemId`,
          "return.item_not_in_return",
          "This item is not in this return",
        );
    });
    const unchosen = lines.find((l) => !input.lines.some((x) => x.orderItemId === l.orderItemId));
    if (unchosen)
      throw invalidField(
        "lines",
        "return.restock_choice_missing",
        "Say for every item whether it goes back on sale",
        {
          orderItemId: unchosen.orderItemId,
        },
      );

    const [sub] = await tx.select().from(subOrders).where(eq(subOrders.id, ret.subOrderId)).for("update");
    const items = await lockSubOrderItems(tx, ret.subOrderId);
    const amount = ret.itemsAmount + ret.shippingAmount;
    const [booked] = await tx
      .select({ sum: sql<number>`coalesce(sum(${returns.itemsAmount} + ${returns.shippingAmount}), 0)::int` })
      .from(returns)
      .where(and(eq(returns.subOrderId, ret.subOrderId), inArray(returns.status, ["received", "refunded"])));
    // Delivered sub-orders are never refunded by cancellation: returns are all that is booked.
    if (booked!.sum + amount > sub!.total)
      throw invalidState("return.refund_exceeds_paid", "This refund would pass what was paid for the order");

    const restocked = new Map<string, number>();
    for (const line of [...lines].sort((a, b) => (a.orderItemId < b.orderItemId ? -1 : 1))) {
      const restock = input.lines.find((l) => l.orderItemId === line.orderItemId)!.restock;
      await tx.update(returnLines).set({ restock }).where(eq(returnLines.id, line.id));
      if (line.amount > 0) {
        const [ok] = await tx
          .update(orderItems)
          .set({ refundedAmount: sql`${orderItems.refundedAmount} + ${line.amount}` })
          .where(
            and(
              eq(orderItems.id, line.orderItemId),
              sql`${orderItems.refundedAmount} + ${line.amount} <= ${orderItems.lineTotal}`,
            ),
          )
          .returning({ id: orderItems.id });
        if (!ok)
          throw invalidState(
            "return.refund_exceeds_paid",
            "This refund would pass what was paid for the item",
          );
      }
      const item = items.find((i) => i.id === line.orderItemId)!;
      if (restock && item.variantId) {
        const [v] = await tx
          .update(productVariants)
          .set({ stock: sql`${productVariants.stock} + ${line.qty}`, updatedAt: now })
          .where(eq(productVariants.id, item.variantId))
          .returning({
            stock: productVariants.stock,
            productId: productVariants.productId,
            sellerId: productVariants.sellerId,
          });
        if (v) {
          await tx.insert(inventoryMovements).values({
            variantId: item.variantId,
            productId: v.productId,
            sellerId: v.sellerId,
            actorId: actor.userId,
            delta: line.qty,
            reason: `return:${ret.number}`,
            resultingStock: v.stock,
            createdAt: now,
          });
          restocked.set(v.productId, line.qty);
        }
      }
    }
    for (const productId of [...restocked.keys()].sort()) await refreshDerived(tx, productId, now);
    for (const id of restocked.keys()) fx.stockMoved.add(id);

    const [order] = await tx.select().from(orders).where(eq(orders.id, ret.orderId));
    let refundStatus: "pending" | "owed" | "paid" = ret.refundMethod === "manual" ? "owed" : "pending";
    if (amount === 0) refundStatus = "paid";
    else if (ret.refundMethod === "original") {
      const [payment] = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.orderId, order!.id), eq(payments.status, "paid")));
      if (!payment) throw invalidState("return.no_payment", "No captured payment to refund for this order");
      const [refund] = await tx
        .insert(refunds)
        .values({
          paymentId: payment.id,
          orderId: order!.id,
          subOrderId: ret.subOrderId,
          returnId: ret.id,
          amount,
          idempotencyKey: `r-${ret.id}`,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (refund)
        fx.jobs.push(() =>
          deps.jobs.enqueue("payments.refund", { refundId: refund.id }, { dedupeKey: `refund:${refund.id}` }),
        );
    }
    // The refund is booked: the seller gives it back (ledger/post-return.ts).
    await postReturnClawback(tx, {
      returnId: ret.id,
      returnNumber: ret.number,
      subOrderId: ret.subOrderId,
      amount,
      at: now,
    });
    const settled = refundStatus === "paid";
    await tx
      .update(returns)
      .set({
        status: settled ? "refunded" : "received",
        refundStatus,
        receivedAt: now,
        ...(settled && { refundedAt: now }),
        updatedAt: now,
      })
      .where(eq(returns.id, ret.id));
    await audit(tx, {
      actorId: actor.userId,
      action: "return.received",
      targetType: "return",
      targetId: ret.id,
      before: { status: ret.status, refundStatus: ret.refundStatus },
      after: { status: settled ? "refunded" : "received", refundStatus },
      data: {
        refundAmount: amount,
        restocked: input.lines.filter((l) => l.restock).map((l) => l.orderItemId),
      },
    });
    // The refund is booked now: the shop's revenue, units and returns rate move with it.
    await refreshSales(tx, { subOrderIds: [ret.subOrderId] });
    await recordReturnStep(tx, fx, {
      ret,
      to: "received",
      actor: { kind: "seller", userId: actor.userId },
      at: now,
    });
    if (settled)
      await recordReturnStep(tx, fx, {
        ret,
        to: "refunded",
        actor: { kind: "system", userId: null },
        at: now,
      });
    await fx.email(tx, ret.customerId, "return_received", {
      number: ret.number,
      amount,
      how:
        amount === 0
          ? "none"
          : ret.refundMethod === "original"
            ? "original"
            : (ret.refundAccountLabel ?? "your account"),
      url: `${deps.urls.customer}/returns/${ret.id}`,
    });
    fx.notified.push(
      await notify(tx, returnNotice(ret.customerId, "customer", ret, { type: "received", amount })),
    );
    await emitWebhookEvent(tx, returnWebhookEvent("return.received", ret, { refundAmount: amount }));
  });
  await fx.release(deps);
  return toSellerReturnDto(deps.db, await findReturn(deps.db, input.id), deps.now());
}
