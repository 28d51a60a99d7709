import { orders, subOrders, users } from "@bazaar/db";
import { type AdminOrderSummaryDto, AdminOrdersListInput, type Page } from "@bazaar/schemas";
import { and, desc, eq, exists, ilike, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { findCustomers, toSummaries } from "./queries";

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
    findCustomers(
      deps.db,
      p.items.map((o) => o.customerId),
    ),
  ]);
  return {
    items: summaries.map((s, i) => ({ ...s, customer: customers.get(p.items[i]!.customerId)! })),
    nextCursor: p.nextCursor,
  };
}
