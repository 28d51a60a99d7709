import { subOrders } from "@bazaar/db";
import { type Page, SellerOrdersListInput, type SellerSubOrderDto } from "@bazaar/schemas";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { toSellerSubOrderDtos } from "./queries";

/** The seller's own sub-orders, newest first; "placed" online orders are not theirs to act on yet. */
export async function listSellerOrders(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof SellerOrdersListInput>,
): Promise<Page<SellerSubOrderDto>> {
  const input = SellerOrdersListInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const rows = await deps.db
    .select()
    .from(subOrders)
    .where(
      and(
        eq(subOrders.sellerId, actor.sellerId),
        input.status ? eq(subOrders.status, input.status) : undefined,
        cursor
          ? sql`(${subOrders.createdAt}, ${subOrders.id}) < (${cursor.createdAt}, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(subOrders.createdAt), desc(subOrders.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return { items: await toSellerSubOrderDtos(deps, p.items), nextCursor: p.nextCursor };
}
