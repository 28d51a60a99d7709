import { products, productVariants, saleEventItems, saleEvents, sellers } from "@bazaar/db";
import {
  CreateSaleEventInput,
  type Page,
  type SaleEventDto,
  SaleEventListInput,
  UpdateSaleEventInput,
} from "@bazaar/schemas";
import { and, desc, eq, inArray, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { refreshDerived } from "../catalog/product-rules";
import { invalidField, invalidState, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";

type Tx = Deps["db"];
type SaleRow = typeof saleEvents.$inferSelect;

export function saleState(
  s: Pick<SaleRow, "startsAt" | "endsAt" | "cancelledAt">,
  now: Date,
): SaleEventDto["state"] {
  if (s.cancelledAt) return "cancelled";
  if (s.endsAt <= now) return "ended";
  if (s.startsAt > now) return "scheduled";
  return "running";
}

async function loadItems(db: Tx, ids: string[]) {
  if (!ids.length) return new Map<string, SaleEventDto["items"]>();
  const rows = await db
    .select({
      saleEventId: saleEventItems.saleEventId,
      variantId: saleEventItems.variantId,
      salePrice: saleEventItems.salePrice,
      productId: productVariants.productId,
      productTitle: products.title,
      sku: productVariants.sku,
      price: productVariants.price,
    })
    .from(saleEventItems)
    .innerJoin(productVariants, eq(productVariants.id, saleEventItems.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(inArray(saleEventItems.saleEventId, ids))
    .orderBy(products.title, productVariants.position);
  const out = new Map<string, SaleEventDto["items"]>();
  for (const { saleEventId, ...item } of rows) {
    const list = out.get(saleEventId) ?? [];
    list.push(item);
    out.set(saleEventId, list);
  }
  return out;
}

async function toDtos(db: Tx, rows: SaleRow[], now: Date): Promise<SaleEventDto[]> {
  const items = await loadItems(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    cancelledAt: r.cancelledAt,
    state: saleState(r, now),
    items: items.get(r.id) ?? [],
    createdAt: r.createdAt,
  }));
}

/**
 * Each variant must be the seller's own, active, and sold below its regular price, and may
 * not be in another of the seller's sales whose window overlaps: at any moment a variant
 * has at most one sale price. Runs under the seller's row lock so two overlapping sales
 * saved at once cannot both pass.
 */
async function checkItems(
  tx: Tx,
  actor: SellerActor,
  window: { startsAt: Date; endsAt: Date },
  items: { variantId: string; salePrice: number }[],
  exceptSaleId?: string,
) {
  await tx.select({ id: sellers.id }).from(sellers).where(eq(sellers.id, actor.sellerId)).for("update");
  const variants = await tx
    .select({ id: productVariants.id, price: productVariants.price, active: productVariants.active })
    .from(productVariants)
    .where(
      and(
        inArray(
          productVariants.id,
          items.map((i) => i.variantId),
        ),
        eq(productVariants.sellerId, actor.sellerId),
      ),
    );
  const byId = new Map(variants.map((v) => [v.id, v]));
  for (const [i, item] of items.entries()) {
    const v = byId.get(item.variantId);
    if (!v?.active)
      throw invalidField(
        `items.${i}.variantId`,
        "sale.variant_not_found",
        "No such variant in your catalogue",
      );
    if (item.salePrice >= v.price)
      throw invalidField(
        `items.${i}.salePrice`,
        "sale.price_not_lower",
        "The sale price must be below the regular price",
        {
          price: v.price,
        },
      );
  }
  const clashes = await tx
    .select({ variantId: saleEventItems.variantId, name: saleEvents.name })
    .from(saleEventItems)
    .innerJoin(saleEvents, eq(saleEvents.id, saleEventItems.saleEventId))
    .where(
      and(
        inArray(
          saleEventItems.variantId,
          items.map((i) => i.variantId),
        ),
        isNull(saleEvents.cancelledAt),
        sql`${saleEvents.startsAt} < ${window.endsAt}`,
        sql`${saleEvents.endsAt} > ${window.startsAt}`,
        exceptSaleId ? ne(saleEvents.id, exceptSaleId) : undefined,
      ),
    );
  if (clashes[0]) {
    const i = items.findIndex((it) => it.variantId === clashes[0]!.variantId);
    throw invalidField(
      `items.${i}.variantId`,
      "sale.overlaps",
      `Already in the sale "${clashes[0].name}" at that time`,
    );
  }
}

/** Storefront prices follow sales as they start and end; each boundary gets a job. */
async function scheduleBoundaries(deps: Pick<Deps, "jobs">, sale: SaleRow, now: Date) {
  for (const at of [sale.startsAt, sale.endsAt]) {
    const delayMs = Math.max(0, at.getTime() - now.getTime());
    await deps.jobs.enqueue(
      "promotions.sale-boundary",
      { saleEventId: sale.id },
      { delayMs, dedupeKey: `sale-boundary:${sale.id}:${at.getTime()}` },
    );
  }
}

async function refreshProducts(tx: Tx, variantIds: string[], now: Date) {
  if (!variantIds.length) return;
  const rows = await tx
    .selectDistinct({ productId: productVariants.productId })
    .from(productVariants)
    .where(inArray(productVariants.id, variantIds));
  for (const r of rows) await refreshDerived(tx, r.productId, now);
}

export async function createSaleEvent(
  deps: Pick<Deps, "db" | "now" | "jobs" | "cache">,
  actor: SellerActor,
  raw: z.input<typeof CreateSaleEventInput>,
): Promise<SaleEventDto> {
  const input = CreateSaleEventInput.parse(raw);
  const now = deps.now();
  if (input.endsAt <= now) throw invalidField("endsAt", "sale.ends_in_past", "A sale must end in the future");
  const sale = await deps.db.transaction(async (tx) => {
    await checkItems(tx, actor, input, input.items);
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
    await refreshProducts(
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
  await scheduleBoundaries(deps, sale, now);
  await deps.cache.bump("catalog");
  return (await toDtos(deps.db, [sale], now))[0]!;
}

async function findOwnForUpdate(tx: Tx, actor: SellerActor, id: string) {
  const [row] = await tx
    .select()
    .from(saleEvents)
    .where(and(eq(saleEvents.id, id), eq(saleEvents.sellerId, actor.sellerId)))
    .for("update");
  if (!row) throw notFound("sale.not_found", "Sale not found");
  return row;
}

/** A sale that has ended or was cancelled is history and stays as it was. */
export async function updateSaleEvent(
  deps: Pick<Deps, "db" | "now" | "jobs" | "cache">,
  actor: SellerActor,
  raw: z.input<typeof UpdateSaleEventInput>,
): Promise<SaleEventDto> {
  const { id, ...input } = UpdateSaleEventInput.parse(raw);
  const now = deps.now();
  const sale = await deps.db.transaction(async (tx) => {
    const before = await findOwnForUpdate(tx, actor, id);
    const state = saleState(before, now);
    if (state === "ended" || state === "cancelled")
      throw invalidState("sale.closed", `This sale has ${state === "ended" ? "ended" : "been cancelled"}`);
    const startsAt = input.startsAt ?? before.startsAt;
    const endsAt = input.endsAt ?? before.endsAt;
    if (endsAt <= startsAt) throw invalidField("endsAt", "sale.bad_window", "Must end after it starts");
    if (endsAt <= now) throw invalidField("endsAt", "sale.ends_in_past", "A sale must end in the future");
    const oldItems = await tx.select().from(saleEventItems).where(eq(saleEventItems.saleEventId, id));
    const items = input.items ?? oldItems.map((i) => ({ variantId: i.variantId, salePrice: i.salePrice }));
    await checkItems(tx, actor, { startsAt, endsAt }, items, id);
    const [row] = await tx
      .update(saleEvents)
      .set({ name: input.name ?? before.name, startsAt, endsAt, updatedAt: now })
      .where(eq(saleEvents.id, id))
      .returning();
    if (input.items) {
      await tx.delete(saleEventItems).where(eq(saleEventItems.saleEventId, id));
      await tx.insert(saleEventItems).values(items.map((i) => ({ saleEventId: id, ...i })));
    }
    await refreshProducts(
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
  await scheduleBoundaries(deps, sale, now);
  await deps.cache.bump("catalog");
  return (await toDtos(deps.db, [sale], now))[0]!;
}

export async function cancelSaleEvent(
  deps: Pick<Deps, "db" | "now" | "cache">,
  actor: SellerActor,
  raw: { id: string },
): Promise<SaleEventDto> {
  const now = deps.now();
  const sale = await deps.db.transaction(async (tx) => {
    const before = await findOwnForUpdate(tx, actor, raw.id);
    if (before.cancelledAt) return before;
    if (before.endsAt <= now) throw invalidState("sale.closed", "This sale has ended");
    const [row] = await tx
      .update(saleEvents)
      .set({ cancelledAt: now, updatedAt: now })
      .where(eq(saleEvents.id, raw.id))
      .returning();
    const items = await tx.select().from(saleEventItems).where(eq(saleEventItems.saleEventId, raw.id));
    await refreshProducts(
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
  return (await toDtos(deps.db, [sale], now))[0]!;
}

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
  return { items: await toDtos(deps.db, p.items, now), nextCursor: p.nextCursor };
}

/** Job: a sale just started or ended. Idempotent: it recomputes from the truth of the moment. */
export async function applySaleBoundary(deps: Pick<Deps, "db" | "now" | "cache">, saleEventId: string) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const items = await tx
      .select({ variantId: saleEventItems.variantId })
      .from(saleEventItems)
      .where(eq(saleEventItems.saleEventId, saleEventId));
    await refreshProducts(
      tx,
      items.map((i) => i.variantId),
      now,
    );
  });
  await deps.cache.bump("catalog");
}
