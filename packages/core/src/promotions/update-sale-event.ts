import { saleEventItems, saleEvents } from "@bazaar/db";
import { type SaleEventDto, UpdateSaleEventInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { invalidField, invalidState } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { findOwnSaleForUpdate, saleState, toSaleEventDtos } from "./queries";
import { checkSaleItems, refreshSaleProducts, scheduleSaleBoundaries } from "./sale-rules";

/** A sale that has ended or was cancelled is history and stays as it was. */
export async function updateSaleEvent(
  deps: Pick<Deps, "db" | "now" | "jobs" | "cache">,
  actor: SellerActor,
  raw: z.input<typeof UpdateSaleEventInput>,
): Promise<SaleEventDto> {
  const { id, ...input } = UpdateSaleEventInput.parse(raw);
  const now = deps.now();
  const sale = await deps.db.transaction(async (tx) => {
    const before = await findOwnSaleForUpdate(tx, actor, id);
    const state = saleState(before, now);
    if (state === "ended" || state === "cancelled")
      throw invalidState("sale.closed", `This sale has ${state === "ended" ? "ended" : "been cancelled"}`);
    const startsAt = input.startsAt ?? before.startsAt;
    const endsAt = input.endsAt ?? before.endsAt;
    if (endsAt <= startsAt) throw invalidField("endsAt", "sale.bad_window", "Must end after it starts");
    if (endsAt <= now) throw invalidField("endsAt", "sale.ends_in_past", "A sale must end in the future");
    const oldItems = await tx.select().from(saleEventItems).where(eq(saleEventItems.saleEventId, id));
    const items = input.items ?? oldItems.map((i) => ({ variantId: i.variantId, salePrice: i.salePrice }));
    await checkSaleItems(tx, actor, { startsAt, endsAt }, items, id);
    const [row] = await tx
      .update(saleEvents)
      .set({ name: input.name ?? before.name, startsAt, endsAt, updatedAt: now })
      .where(eq(saleEvents.id, id))
      .returning();
    if (input.items) {
      await tx.delete(saleEventItems).where(eq(saleEventItems.saleEventId, id));
      await tx.insert(saleEventItems).values(items.map((i) => ({ saleEventId: id, ...i })));
    }
    await refreshSaleProducts(
      tx,
      [...new Set([...oldItems.map((i) => i.variantId), ...items.map((i) => i.variantId)])],
      now,
    );
    await audit(tx, {
      actorId: actor.userId,
      action: "sale.updated",
      targetType: "sale_event",
      targetId: id,
    });
    return row!;
  });
  await scheduleSaleBoundaries(deps, sale, now);
  await deps.cache.bump("catalog");
  return (await toSaleEventDtos(deps.db, [sale], now))[0]!;
}
