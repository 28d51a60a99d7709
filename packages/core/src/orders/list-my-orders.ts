import { orders, subOrders } from "@bazaar/db";
import { type OrderSummaryDto, OrdersMineInput, type Page } from "@bazaar/schemas";
import { and, desc, eq, exists, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { toSummaries } from "./queries";

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
