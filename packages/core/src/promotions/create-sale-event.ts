import { saleEventItems, saleEvents } from "@bazaar/db";
import { CreateSaleEventInput, type SaleEventDto } from "@bazaar/schemas";
import type { z } from "zod";
import { invalidField } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { toSaleEventDtos } from "./queries";
import { checkSaleItems, refreshSaleProducts, scheduleSaleBoundaries } from "./sale-rules";

export async function createSaleEvent(
  deps: Pick<Deps, "db" | "now" | "jobs" | "cache">,
  actor: SellerActor,
  raw: z.input<typeof CreateSaleEventInput>,
): Promise<SaleEventDto> {
  const input = CreateSaleEventInput.parse(raw);
  const now = deps.now();
  if (input.endsAt <= now) throw invalidField("endsAt", "sale.ends_in_past", "A sale must end in the future");
  const sale = await deps.db.transaction(async (tx) => {
    await checkSaleItems(tx, actor, input, input.items);
    const [row] = await tx
      .insert(saleEvents)
      .values({
        sellerId: actor.sellerId,
        name: input.name,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(saleEventItems).values(input.items.map((i) => ({ saleEventId: row!.id, ...i })));
    await refreshSaleProducts(
      tx,
      input.items.map((i) => i.variantId),
      now,
    );
    await audit(tx, {
      actorId: actor.userId,
      action: "sale.created",
      targetType: "sale_event",
      targetId: row!.id,
    });
    return row!;
  });
  await scheduleSaleBoundaries(deps, sale, now);
  await deps.cache.bump("catalog");
  return (await toSaleEventDtos(deps.db, [sale], now))[0]!;
}
