import {
  type Database,
  media,
  orderEvents,
  orderItems,
  orders,
  returnLines,
  returns,
  subOrders,
  users,
} from "@bazaar/db";
import {
  ESCALATION_WINDOW_HOURS,
  type ReturnDto,
  type ReturnEventDto,
  type ReturnSummaryDto,
} from "@bazaar/schemas";
import { and, asc, desc, eq, inArray, isNotNull, type SQL, sql } from "drizzle-orm";
import { notFound } from "../errors";
import type { ActorKind } from "../orders";
import { decodeCursor, page } from "../platform/pagination";
import { returnActions } from "./transitions";

export type ReturnRow = typeof returns.$inferSelect;
const HOUR_MS = 3_600_000;

/** Until when a rejected return may still be escalated; null when it no longer can. */
export function escalateUntil(r: ReturnRow): Date | null {
  if (r.status !== "rejected" || !r.rejectedAt || r.escalatedAt) return null;
  return new Date(r.rejectedAt.getTime() + ESCALATION_WINDOW_HOURS * HOUR_MS);
}

/** A return whose `who` column matches (the buyer's, the shop's), locked if asked; anyone else's is not found. */
export async function findReturn(db: Database, id: string, who?: SQL, lock = false): Promise<ReturnRow> {
  const q = db
    .select()
    .from(returns)
    .where(and(eq(returns.id, id), who));
  const [row] = lock ? await q.for("update") : await q;
  // Another buyer's or another shop's return is indistinguishable from a missing one.
  if (!row) throw notFound("return.not_found", "Return not found");
  return row;
}
export const ofCustomer = (userId: string) => eq(returns.customerId, userId);
export const ofSeller = (sellerId: string) => eq(returns.sellerId, sellerId);

/** Full returns as `viewer` sees them (actions are the moves open to that viewer). */
export async function toReturnDtos(
  db: Database,
  rows: ReturnRow[],
  viewer: ActorKind,
  now: Date,
): Promise<ReturnDto[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  // One query at a time: `db` may be a transaction, and a transaction is one connection.
  const parents = await db
    .select({ sub: subOrders, order: { id: orders.id, number: orders.number, method: orders.paymentMethod } })
    .from(subOrders)
    .innerJoin(orders, eq(orders.id, subOrders.orderId))
    .where(
      inArray(
        subOrders.id,
        rows.map((r) => r.subOrderId),
      ),
    );
  const lines = await db
    .select({ line: returnLines, item: orderItems })
    .from(returnLines)
    .innerJoin(orderItems, eq(orderItems.id, returnLines.orderItemId))
    .where(inArray(returnLines.returnId, ids))
    .orderBy(asc(orderItems.position));
  const photoIds = [...new Set(rows.flatMap((r) => r.photoIds))];
  const photos = photoIds.length
    ? await db.select({ id: media.id, url: media.url }).from(media).where(inArray(media.id, photoIds))
    : [];
  const events = await db
    .select()
    .from(orderEvents)
    .where(and(isNotNull(orderEvents.returnId), inArray(orderEvents.returnId, ids)))
    .orderBy(asc(orderEvents.createdAt), asc(orderEvents.seq));
  return rows.map((r) => {
    const p = parents.find((x) => x.sub.id === r.subOrderId)!;
    const canEscalate = escalateUntil(r);
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      order: { id: p.order.id, number: p.order.number, paymentMethod: p.order.method },
      subOrder: { id: p.sub.id, number: p.sub.number, deliveredAt: p.sub.deliveredAt },
      shop: { id: p.sub.sellerId, shopName: p.sub.seller.shopName, slug: p.sub.seller.slug },
      lines: lines
        .filter((l) => l.line.returnId === r.id)
        .map(({ line, item }) => ({
          orderItemId: item.id,
          productId: item.productId,
          title: item.title,
          variantLabel: item.variantLabel,
          imageUrl: item.imageUrl,
          qty: line.qty,
          reason: line.reason,
          amount: line.amount,
          restock: line.restock,
        })),
      comment: r.comment,
      photos: r.photoIds.flatMap((id) => photos.filter((m) => m.id === id)),
      rejectReason: r.rejectReason,
      escalationNote: r.escalationNote,
      decisionNote: r.decisionNote,
      itemsAmount: r.itemsAmount,
      shippingAmount: r.shippingAmount,
      refundAmount: r.itemsAmount + r.shippingAmount,
      refundMethod: r.refundMethod,
      refundStatus: r.refundStatus,
      refundAccountLabel: r.refundAccountLabel,
      refundReference: r.refundReference,
      requestedAt: r.requestedAt,
      decidedAt: r.decidedAt,
      rejectedAt: r.rejectedAt,
      escalatedAt: r.escalatedAt,
      receivedAt: r.receivedAt,
      refundedAt: r.refundedAt,
      escalateUntil: viewer === "customer" && canEscalate && now < canEscalate ? canEscalate : null,
      actions: actionsFor(r, viewer, now),
      timeline: events.filter((e) => e.returnId === r.id).map(toEvent),
      updatedAt: r.updatedAt,
    };
  });
}

/** The table's moves for the viewer, less those a rule closes (an escalation after 48 h or a second one). */
function actionsFor(r: ReturnRow, viewer: ActorKind, now: Date) {
  return returnActions(r.status, viewer).filter((a) => {
    if (a === "escalate") {
      const until = escalateUntil(r);
      return until !== null && now < until;
    }
    // Online refunds settle by themselves; only cash-on-delivery ones are paid by hand.
    if (a === "refund") return r.refundMethod === "manual" && r.refundStatus === "owed";
    return true;
  });
}

const toEvent = (e: typeof orderEvents.$inferSelect): ReturnEventDto => ({
  to: e.toStatus,
  at: e.createdAt,
  actorRole: e.actorRole as ReturnEventDto["actorRole"],
  note: e.note,
});

/** Cards for lists: shop, order, units and the first picture. */
export async function toReturnSummaries(db: Database, rows: ReturnRow[]): Promise<ReturnSummaryDto[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const parents = await db
    .select({
      id: subOrders.id,
      number: subOrders.number,
      seller: subOrders.seller,
      orderNumber: orders.number,
    })
    .from(subOrders)
    .innerJoin(orders, eq(orders.id, subOrders.orderId))
    .where(
      inArray(
        subOrders.id,
        rows.map((r) => r.subOrderId),
      ),
    );
  const agg = await db
    .select({
      returnId: returnLines.returnId,
      count: sql<number>`sum(${returnLines.qty})::int`,
      image: sql<
        string | null
      >`(array_agg(${orderItems.imageUrl} order by ${orderItems.position}) filter (where ${orderItems.imageUrl} is not null))[1]`,
    })
    .from(returnLines)
    .innerJoin(orderItems, eq(orderItems.id, returnLines.orderItemId))
    .where(inArray(returnLines.returnId, ids))
    .groupBy(returnLines.returnId);
  return rows.map((r) => {
    const p = parents.find((x) => x.id === r.subOrderId)!;
    const a = agg.find((x) => x.returnId === r.id);
    return {
      id: r.id,
      number: r.number,
      status: r.status,
      refundStatus: r.refundStatus,
      refundAmount: r.itemsAmount + r.shippingAmount,
      orderId: r.orderId,
      orderNumber: p.orderNumber,
      subOrderId: r.subOrderId,
      subOrderNumber: p.number,
      shopName: p.seller.shopName,
      itemCount: a?.count ?? 0,
      imageUrl: a?.image ?? null,
      requestedAt: r.requestedAt,
      updatedAt: r.updatedAt,
    };
  });
}

/** Name and email of each customer, for the seller's and admin's views. */
export async function customersOf(db: Database, rows: ReturnRow[]) {
  const ids = [...new Set(rows.map((r) => r.customerId))];
  if (!ids.length) return new Map<string, { id: string; name: string; email: string }>();
  const found = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(found.map((u) => [u.id, u]));
}

/** One page of returns matching `where`, newest first, keyed on (createdAt, id). */
export async function returnsPage(
  db: Database,
  where: SQL | undefined,
  input: { limit: number; cursor?: string | undefined },
) {
  const cursor = decodeCursor(input.cursor);
  const rows = await db
    .select()
    .from(returns)
    .where(
      and(
        where,
        cursor ? sql`(${returns.createdAt}, ${returns.id}) < (${cursor.createdAt}, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(returns.createdAt), desc(returns.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}
