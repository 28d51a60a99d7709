import { type Database, productVariants, saleEventItems, saleEvents, sellers } from "@bazaar/db";
import { and, eq, inArray, isNull, ne, type SQL, sql } from "drizzle-orm";
import { refreshProductsDerived } from "../catalog";
import { invalidField } from "../errors";
import type { Deps, SellerActor } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";
import type { SaleRow } from "./queries";

/**
 * Each variant must be the seller's own, active, and sold below its regular price, and may
 * not be in another of the seller's sales whose window overlaps: at any moment a variant
 * has at most one sale price. Runs under the seller's row lock so two overlapping sales
 * saved at once cannot both pass.
 */
export async function checkSaleItems(
  tx: Database,
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
export async function scheduleSaleBoundaries(deps: Pick<Deps, "jobs">, sale: SaleRow, now: Date) {
  for (const at of [sale.startsAt, sale.endsAt]) {
    const delayMs = Math.max(0, at.getTime() - now.getTime());
    await deps.jobs.enqueue(
      "promotions.sale-boundary",
      { saleEventId: sale.id },
      { delayMs, dedupeKey: `sale-boundary:${sale.id}:${at.getTime()}` },
    );
  }
}

/**
 * A sale price changes a product's derived prices: recompute them for these variants'
 * products, in two statements however many there are (lock them in id order, refresh).
 */
export async function refreshSaleProducts(tx: Database, variantIds: string[], now: Date) {
  if (!variantIds.length) return;
  await refreshProductsOf(
    tx,
    sql`select product_id from product_variants where id in (${sql.join(
      variantIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
    now,
  );
}

/**
 * Locks the products whose ids `productIds` selects, in id order (a refresh that waited for
 * a lock inside its own statement would compute from a stale snapshot), then refreshes them
 * in one statement.
 */
export async function refreshProductsOf(tx: Database, productIds: SQL, now: Date) {
  const locked = await rowsOf<{ id: string }>(
    tx,
    sql`select id from products where id in (${productIds}) order by id for no key update`,
  );
  await refreshProductsDerived(
    tx,
    locked.map((p) => ({ productId: p.id })),
    now,
  );
}
