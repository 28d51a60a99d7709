import { saleEvents } from "@bazaar/db";
import { type Page, type SaleEventDto, SaleEventListInput } from "@bazaar/schemas";
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { toSaleEventDtos } from "./queries";

export async function listSaleEvents(
  deps: Pick<Deps, "db" | "now">,
  actor: SellerActor,
  raw: z.input<typeof SaleEventListInput>,
): Promise<Page<SaleEventDto>> {
  const input = SaleEventListInput.parse(raw);
  const now = deps.now();
  const cursor = decodeCursor(input.cursor);
  const state = {
    all: undefined,
    cancelled: isNotNull(saleEvents.cancelledAt),
    ended: and(isNull(saleEvents.cancelledAt), sql`${saleEvents.endsAt} <= ${now}`),
    scheduled: and(isNull(saleEvents.cancelledAt), sql`${saleEvents.startsAt} > ${now}`),
    running: and(
      isNull(saleEvents.cancelledAt),
      sql`${saleEvents.startsAt} <= ${now}`,
      sql`${saleEvents.endsAt} > ${now}`,
    ),
  }[input.state];
  const rows = await deps.db
    .select()
    .from(saleEvents)
    .where(
      and(
        eq(saleEvents.sellerId, actor.sellerId),
        state,
        cursor
          ? sql`(${saleEvents.createdAt}, ${saleEvents.id}) < (${cursor.createdAt}, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(saleEvents.createdAt), desc(saleEvents.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return { items: await toSaleEventDtos(deps.db, p.items, now), nextCursor: p.nextCursor };
}
