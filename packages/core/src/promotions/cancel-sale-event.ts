import { saleEventItems, saleEvents } from "@bazaar/db";
import type { SaleEventDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { invalidState } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { findOwnSaleForUpdate, toSaleEventDtos } from "./queries";
import { refreshSaleProducts } from "./sale-rules";

export async function cancelSaleEvent(
  deps: Pick<Deps, "db" | "now" | "cache">,
  actor: SellerActor,
  raw: { id: string },
): Promise<SaleEventDto> {
  const now = deps.now();
  const sale = await deps.db.transaction(async (tx) => {
    const before = await findOwnSaleForUpdate(tx, actor, raw.id);
    if (before.cancelledAt) return before;
    if (before.endsAt <= now) throw invalidState("sale.closed", "This sale has ended");
    const [row] = await tx
      .update(saleEvents)
      .set({ cancelledAt: now, updatedAt: now })
      .where(eq(saleEvents.id, raw.id))
      .returning();
    const items = await tx.select().from(saleEventItems).where(eq(saleEventItems.saleEventId, raw.id));
    await refreshSaleProducts(
      tx,
      items.map((i) => i.variantId),
      now,
    );
    await audit(tx, {
      actorId: actor.userId,
      action: "sale.cancelled",
      targetType: "sale_event",
      targetId: raw.id,
    });
    return row!;
  });
  await deps.cache.bump("catalog");
  return (await toSaleEventDtos(deps.db, [sale], now))[0]!;
}
