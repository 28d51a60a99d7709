import { orders, subOrders } from "@bazaar/db";
import { AdvanceSubOrderInput, type SellerSubOrderDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { refreshSales } from "../analytics";
import { postDelivery, scheduleRelease } from "../ledger";
import { notify, statusChangedNotice } from "../notifications";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { emitWebhookEvent, orderWebhookEvents } from "../webhooks";
import { cancelSubOrders } from "./cancel-sub-orders";
import { Effects, recordTransition } from "./effects";
import { getSellerOrder } from "./get-seller-order";
import { findSellerSubOrder } from "./queries";
import { assertMove } from "./transitions";

/**
 * The seller moves their sub-order one step: confirmed → packed → shipped (carrier and
 * tracking number) → out for delivery → delivered, or cancels it with a reason before it
 * ships. Each step is checked against the state machine and written to the timeline; the
 * buyer is emailed and both sides get the live update.
 */
export async function advanceSubOrder(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof AdvanceSubOrderInput>,
): Promise<SellerSubOrderDto> {
  const input = AdvanceSubOrderInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  await deps.db.transaction(async (tx) => {
    const own = await findSellerSubOrder(tx, actor, input.subOrderId);
    const [order] = await tx.select().from(orders).where(eq(orders.id, own.orderId)).for("update");
    const [sub] = await tx.select().from(subOrders).where(eq(subOrders.id, own.id)).for("update");
    assertMove(sub!.status, input.to, "seller");
    await audit(tx, {
      actorId: actor.userId,
      action: `sub_order.${input.to}`,
      targetType: "sub_order",
      targetId: sub!.id,
      before: { status: sub!.status },
      after: {
        status: input.to,
        ...(input.to === "shipped" && { carrier: input.carrier, trackingNumber: input.trackingNumber }),
      },
      data: { orderId: order!.id, number: sub!.number, ...(input.note && { note: input.note }) },
    });
    if (input.to === "cancelled") {
      await cancelSubOrders(deps, tx, fx, {
        order: order!,
        subOrders: [sub!],
        actor: { kind: "seller", userId: actor.userId },
        reason: input.note ?? null,
        now,
      });
      return;
    }
    await tx
      .update(subOrders)
      .set({
        status: input.to,
        ...(input.to === "shipped" && { carrier: input.carrier, trackingNumber: input.trackingNumber }),
        ...(input.to === "delivered" && { deliveredAt: now }),
        updatedAt: now,
      })
      .where(eq(subOrders.id, sub!.id));
    // The sale, its deductions and when its money becomes available, in this transaction.
    if (input.to === "delivered") {
      const { releaseAt } = await postDelivery(tx, { subOrderId: sub!.id, at: now });
      fx.jobs.push(() => scheduleRelease(deps, sub!.id, releaseAt));
    }
    await recordTransition(tx, fx, {
      order: order!,
      subOrder: sub!,
      from: sub!.status,
      to: input.to,
      actor: { kind: "seller", userId: actor.userId },
      note: input.note ?? null,
      at: now,
    });
    if (input.to === "delivered" && order!.paymentMethod === "cod") {
      const left = await tx
        .select({ status: subOrders.status })
        .from(subOrders)
        .where(eq(subOrders.orderId, order!.id));
      if (left.every((s) => s.status === "delivered" || s.status === "cancelled"))
        await tx
          .update(orders)
          .set({ paymentStatus: "cod_collected", updatedAt: now })
          .where(eq(orders.id, order!.id));
    }
    // Delivered units are what the shop's returns rate is measured against.
    if (input.to === "delivered") await refreshSales(tx, { subOrderIds: [sub!.id] });
    await fx.email(tx, order!.customerId, "order_status", {
      number: order!.number,
      shopName: sub!.seller.shopName,
      status: input.to,
      carrier: input.to === "shipped" ? input.carrier : "",
      trackingNumber: input.to === "shipped" ? input.trackingNumber : "",
      url: `${deps.urls.customer}/orders/${order!.id}`,
    });
    const shipping = input.to === "shipped" ? input : undefined;
    fx.notified.push(await notify(tx, statusChangedNotice(order!, sub!, input.to, shipping)));
    await emitWebhookEvent(
      tx,
      orderWebhookEvents("sub_order.status_changed", order!, [sub!], {
        previousStatus: sub!.status,
        status: input.to,
        ...(shipping && { carrier: shipping.carrier, trackingNumber: shipping.trackingNumber }),
      }),
    );
  });
  await fx.release(deps);
  return getSellerOrder(deps, actor, { subOrderId: input.subOrderId });
}
