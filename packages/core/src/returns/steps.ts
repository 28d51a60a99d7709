import { type Database, orderEvents, orderItems, orders, returnLines, sellers, subOrders } from "@bazaar/db";
import type { ReturnStatus } from "@bazaar/schemas";
import { and, eq, gte, sql } from "drizzle-orm";
import { type ActorKind, customerChannel, type Effects, sellerChannel } from "../orders";
import type { ReturnRow } from "./queries";

/**
 * Writes one step of a return on its sub-order's timeline (`return.<status>`, with the
 * return's id) and queues the live update to the buyer and the shop: the same order
 * channels the sub-order's own steps use, so the order page refreshes either way.
 */
export async function recordReturnStep(
  tx: Database,
  fx: Effects,
  step: {
    ret: ReturnRow;
    to: ReturnStatus;
    actor: { kind: ActorKind; userId: string | null };
    note?: string | null;
    at: Date;
  },
) {
  const { ret, at } = step;
  await tx.insert(orderEvents).values({
    orderId: ret.orderId,
    subOrderId: ret.subOrderId,
    fromStatus: null,
    toStatus: `return.${step.to}`,
    actorId: step.actor.userId,
    actorRole: step.actor.kind,
    note: step.note ?? null,
    returnId: ret.id,
    createdAt: at,
  });
  const [parent] = await tx
    .select({ number: subOrders.number, status: subOrders.status, paymentStatus: orders.paymentStatus })
    .from(subOrders)
    .innerJoin(orders, eq(orders.id, subOrders.orderId))
    .where(eq(subOrders.id, ret.subOrderId));
  fx.live.push({
    channels: [customerChannel(ret.customerId), sellerChannel(ret.sellerId)],
    event: {
      orderId: ret.orderId,
      subOrderId: ret.subOrderId,
      number: parent!.number,
      from: parent!.status,
      to: parent!.status,
      paymentStatus: parent!.paymentStatus,
      at,
      return: { id: ret.id, number: ret.number, status: step.to },
    },
  });
}

/**
 * Gives a rejected or cancelled return's units back to its lines, so the buyer may ask
 * again within the window. One conditional update per line: never below zero.
 */
export async function releaseUnits(tx: Database, returnId: string) {
  const lines = await tx.select().from(returnLines).where(eq(returnLines.returnId, returnId));
  for (const l of [...lines].sort((a, b) => (a.orderItemId < b.orderItemId ? -1 : 1)))
    await tx
      .update(orderItems)
      .set({ returnedQty: sql`${orderItems.returnedQty} - ${l.qty}` })
      .where(and(eq(orderItems.id, l.orderItemId), gte(orderItems.returnedQty, l.qty)));
}

/**
 * Takes a return's units again (an escalated rejection is back in play): one conditional
 * update per line, in id order; false when a newer request holds some of them already.
 */
export async function retakeUnits(tx: Database, returnId: string): Promise<boolean> {
  const lines = await tx.select().from(returnLines).where(eq(returnLines.returnId, returnId));
  for (const l of [...lines].sort((a, b) => (a.orderItemId < b.orderItemId ? -1 : 1))) {
    const [ok] = await tx
      .update(orderItems)
      .set({ returnedQty: sql`${orderItems.returnedQty} + ${l.qty}` })
      .where(
        and(eq(orderItems.id, l.orderItemId), sql`${orderItems.returnedQty} + ${l.qty} <= ${orderItems.qty}`),
      )
      .returning({ id: orderItems.id });
    if (!ok) return false;
  }
  return true;
}

/** The shop owner's account, for emails to the seller. */
export async function sellerUserId(tx: Database, sellerId: string): Promise<string | null> {
  const [s] = await tx.select({ userId: sellers.userId }).from(sellers).where(eq(sellers.id, sellerId));
  return s?.userId ?? null;
}
