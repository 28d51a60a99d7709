import { orders, subOrders, users } from "@bazaar/db";
import {
  AdminCancelInput,
  type AdminOrderDto,
  type AdminOrderSummaryDto,
  AdminOrdersListInput,
  OrderIdInput,
  type Page,
} from "@bazaar/schemas";
import { and, desc, eq, exists, ilike, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { invalidState, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { cancelSubOrders } from "./cancel-sub-orders";
import { toSummaries } from "./customer-orders";
import { Effects } from "./effects";
import { paymentStartFor, toOrderDto } from "./queries";

async function customersOf(db: Deps["db"], ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; name: string; email: string }>();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      sql`${users.id} in (${sql.join(
        [...new Set(ids)].map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every order, newest first, searchable by number or customer email and filterable. */
export async function adminListOrders(
  deps: Pick<Deps, "db">,
  _actor: Actor,
  raw: z.input<typeof AdminOrdersListInput>,
): Promise<Page<AdminOrderSummaryDto>> {
  const input = AdminOrdersListInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const subWhere = (cond: ReturnType<typeof eq>) =>
    exists(
      deps.db
        .select({ one: sql`1` })
        .from(subOrders)
        .where(and(eq(subOrders.orderId, orders.id), cond)),
    );
  const q = input.q?.replace(/[%_\\]/g, "\\$&");
  const rows = await deps.db
    .select({ order: orders })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.customerId))
    .where(
      and(
        input.status ? subWhere(eq(subOrders.status, input.status)) : undefined,
        input.sellerId ? subWhere(eq(subOrders.sellerId, input.sellerId)) : undefined,
        input.paymentStatus ? eq(orders.paymentStatus, input.paymentStatus) : undefined,
        input.paymentMethod ? eq(orders.paymentMethod, input.paymentMethod) : undefined,
        q ? or(ilike(orders.number, `%${q}%`), ilike(users.email, `%${q}%`)) : undefined,
        input.from ? sql`${orders.createdAt} >= ${input.from}` : undefined,
        input.to ? sql`${orders.createdAt} < ${input.to}` : undefined,
        cursor ? sql`(${orders.createdAt}, ${orders.id}) < (${cursor.createdAt}, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(input.limit + 1);
  const p = page(
    rows.map((r) => r.order),
    input.limit,
  );
  const [summaries, customers] = await Promise.all([
    toSummaries(deps.db, p.items),
    customersOf(
      deps.db,
      p.items.map((o) => o.customerId),
    ),
  ]);
  return {
    items: summaries.map((s, i) => ({ ...s, customer: customers.get(p.items[i]!.customerId)! })),
    nextCursor: p.nextCursor,
  };
}

export async function adminGetOrder(
  deps: Deps,
  _actor: Actor,
  raw: z.input<typeof OrderIdInput>,
): Promise<AdminOrderDto> {
  const { orderId } = OrderIdInput.parse(raw);
  const [order] = await deps.db.select().from(orders).where(eq(orders.id, orderId));
  if (!order) throw notFound("order.not_found", "Order not found");
  const customers = await customersOf(deps.db, [order.customerId]);
  return {
    ...(await toOrderDto(deps.db, deps, order, await paymentStartFor(deps.db, deps, order))),
    customer: customers.get(order.customerId)!,
  };
}

/** An admin cancels a whole order or one part, any time before delivery; paid parts are refunded. */
export async function adminCancelOrder(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof AdminCancelInput>,
): Promise<AdminOrderDto> {
  const input = AdminCancelInput.parse(raw);
  const now = deps.now();
  const fx = new Effects();
  await deps.db.transaction(async (tx) => {
    const [o] = await tx.select().from(orders).where(eq(orders.id, input.orderId)).for("update");
    if (!o) throw notFound("order.not_found", "Order not found");
    const subs = await tx.select().from(subOrders).where(eq(subOrders.orderId, o.id)).for("update");
    const targets = input.subOrderId
      ? subs.filter((s) => s.id === input.subOrderId)
      : subs.filter((s) => s.status !== "cancelled" && s.status !== "delivered");
    if (input.subOrderId && !targets.length) throw notFound("order.not_found", "Order not found");
    if (!targets.length)
      throw invalidState("order.nothing_to_cancel", "Nothing in this order can be cancelled");
    const refund = await cancelSubOrders(deps, tx, fx, {
      order: o,
      subOrders: targets,
      actor: { kind: "admin", userId: actor.userId },
      reason: input.reason,
      now,
    });
    await audit(tx, {
      actorId: actor.userId,
      action: "order.cancelled",
      targetType: "order",
      targetId: o.id,
      data: { subOrders: targets.map((s) => s.number), reason: input.reason, refund },
    });
  });
  await fx.release(deps);
  return adminGetOrder(deps, actor, { orderId: input.orderId });
}
