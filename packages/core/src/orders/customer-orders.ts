import { orderItems, orders, subOrders } from "@bazaar/db";
import {
  CustomerCancelInput,
  type OrderDto,
  OrderIdInput,
  type OrderSummaryDto,
  OrdersMineInput,
  type Page,
} from "@bazaar/schemas";
import { and, desc, eq, exists, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { invalidState, notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { cancelSubOrders } from "./cancel-sub-orders";
import { Effects } from "./effects";
import { paymentStartFor, toOrderDto } from "./queries";
import { startPayment } from "./start-payment";

type OrderRow = typeof orders.$inferSelect;

/** Cards for a list of orders: sub-order statuses, item count and the first picture. */
export async function toSummaries(db: Deps["db"], rows: OrderRow[]): Promise<OrderSummaryDto[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [subs, items] = await Promise.all([
    db
      .select({
        id: subOrders.id,
        orderId: subOrders.orderId,
        number: subOrders.number,
        status: subOrders.status,
        seller: subOrders.seller,
      })
      .from(subOrders)
      .where(inArray(subOrders.orderId, ids))
      .orderBy(subOrders.number),
    db
      .select({
        orderId: orderItems.orderId,
        count: sql<number>`sum(${orderItems.qty})::int`,
        image: sql<
          string | null
        >`(array_agg(${orderItems.imageUrl} order by ${orderItems.id}) filter (where ${orderItems.imageUrl} is not null))[1]`,
      })
      .from(orderItems)
      .where(inArray(orderItems.orderId, ids))
      .groupBy(orderItems.orderId),
  ]);
  return rows.map((o) => {
    const agg = items.find((i) => i.orderId === o.id);
    return {
      id: o.id,
      number: o.number,
      paymentMethod: o.paymentMethod,
      paymentStatus: o.paymentStatus,
      total: o.total,
      itemCount: agg?.count ?? 0,
      imageUrl: agg?.image ?? null,
      subOrders: subs
        .filter((s) => s.orderId === o.id)
        .map((s) => ({ id: s.id, number: s.number, status: s.status, shopName: s.seller.shopName })),
      createdAt: o.createdAt,
    };
  });
}

/** The customer's orders, newest first, optionally only those with a sub-order in `status`. */
export async function listMyOrders(
  deps: Pick<Deps, "db">,
  actor: Actor,
  raw: z.input<typeof OrdersMineInput>,
): Promise<Page<OrderSummaryDto>> {
  const input = OrdersMineInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const rows = await deps.db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.customerId, actor.userId),
        input.status
          ? exists(
              deps.db
                .select({ one: sql`1` })
                .from(subOrders)
                .where(and(eq(subOrders.orderId, orders.id), eq(subOrders.status, input.status))),
            )
          : undefined,
        cursor ? sql`(${orders.createdAt}, ${orders.id}) < (${cursor.createdAt}, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return { items: await toSummaries(deps.db, p.items), nextCursor: p.nextCursor };
}

async function findMine(db: Deps["db"], actor: Actor, orderId: string, lock = false) {
  const q = db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), eq(orders.customerId, actor.userId)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("order.not_found", "Order not found");
  return row;
}

/** One of the customer's own orders; anyone else's is simply not found. */
export async function getMyOrder(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof OrderIdInput>,
): Promise<OrderDto> {
  const { orderId } = OrderIdInput.parse(raw);
  const order = await findMine(deps.db, actor, orderId);
  return toOrderDto(deps.db, deps, order, await paymentStartFor(deps.db, deps, order));
}

/** Pay (again) for an online order still waiting: creates the gateway order if it is missing. */
export async function payMyOrder(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof OrderIdInput>,
): Promise<OrderDto> {
  const { orderId } = OrderIdInput.parse(raw);
  const order = await findMine(deps.db, actor, orderId);
  if (order.paymentMethod !== "razorpay" || order.paymentStatus !== "pending")
    throw invalidState("payment.not_pending", "This order is not waiting for a payment");
  await startPayment(deps, order);
  return toOrderDto(deps.db, deps, order, await paymentStartFor(deps.db, deps, order));
}

/**
 * The customer cancels the whole order or one seller's part, before it is packed. Paid
 * parts are refunded; stock goes back on the shelf.
 */
export async function cancelMyOrder(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof CustomerCancelInput>,
): Promise<OrderDto> {
  const input = CustomerCancelInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  const order = await deps.db.transaction(async (tx) => {
    const o = await findMine(tx, actor, input.orderId, true);
    const subs = await tx.select().from(subOrders).where(eq(subOrders.orderId, o.id)).for("update");
    const targets = input.subOrderId
      ? subs.filter((s) => s.id === input.subOrderId)
      : subs.filter((s) => s.status !== "cancelled");
    if (input.subOrderId && !targets.length) throw notFound("order.not_found", "Order not found");
    if (!targets.length) throw invalidState("order.already_cancelled", "This order is already cancelled");
    await cancelSubOrders(deps, tx, fx, {
      order: o,
      subOrders: targets,
      actor: { kind: "customer", userId: actor.userId },
      reason: input.reason ?? "Cancelled by the customer",
      now,
    });
    const [fresh] = await tx.select().from(orders).where(eq(orders.id, o.id));
    return fresh!;
  });
  await fx.release(deps);
  return toOrderDto(deps.db, deps, order, await paymentStartFor(deps.db, deps, order));
}
