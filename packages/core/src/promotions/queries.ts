import { coupons, type Database, products, productVariants, saleEventItems, saleEvents } from "@bazaar/db";
import type { CouponDto, SaleEventDto } from "@bazaar/schemas";
import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { notFound } from "../errors";
import type { SellerActor } from "../platform/deps";
/** Whose coupons the caller manages: the platform's (admin) or one seller's. */
export type CouponOwner = { sellerId: string | null };

type CouponRow = typeof coupons.$inferSelect;

/** Where a coupon stands at `now`: the first reason it cannot be used, else active. */
export function couponState(c: CouponRow, now: Date): CouponDto["state"] {
  if (!c.active) return "disabled";
  if (c.endsAt && c.endsAt <= now) return "expired";
  if (c.startsAt > now) return "scheduled";
  if (c.usageLimit !== null && c.usedCount >= c.usageLimit) return "exhausted";
  return "active";
}

export function toCouponDto(
  c: CouponRow,
  now: Date,
  titles: ReadonlyMap<string, string> = new Map(),
): CouponDto {
  return {
    id: c.id,
    code: c.code,
    description: c.description,
    scope: c.sellerId ? "seller" : "platform",
    sellerId: c.sellerId,
    kind: c.kind,
    percentBps: c.percentBps,
    amountOff: c.amountOff,
    maxDiscount: c.maxDiscount,
    minSubtotal: c.minSubtotal,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    usageLimit: c.usageLimit,
    perCustomerLimit: c.perCustomerLimit,
    firstOrderOnly: c.firstOrderOnly,
    categoryIds: c.categoryIds,
    productIds: c.productIds,
    products: c.productIds.flatMap((id) => {
      const title = titles.get(id);
      return title ? [{ id, title }] : [];
    }),
    active: c.active,
    usedCount: c.usedCount,
    state: couponState(c, now),
    createdAt: c.createdAt,
  };
}

/** Coupons as clients see them, with the titles of the products they name, in one query. */
export async function withProductTitles(db: Database, rows: CouponRow[], now: Date): Promise<CouponDto[]> {
  const ids = [...new Set(rows.flatMap((r) => r.productIds))];
  const found = ids.length
    ? await db
        .select({ id: products.id, title: products.title })
        .from(products)
        .where(inArray(products.id, ids))
    : [];
  const titles = new Map(found.map((p) => [p.id, p.title]));
  return rows.map((r) => toCouponDto(r, now, titles));
}

/** The coupon with this id, if this owner manages it. */
export function ownCouponWhere(owner: CouponOwner, id: string): SQL | undefined {
  return and(
    eq(coupons.id, id),
    owner.sellerId ? eq(coupons.sellerId, owner.sellerId) : isNull(coupons.sellerId),
  );
}

export type SaleRow = typeof saleEvents.$inferSelect;

/** Where a sale stands at `now`. */
export function saleState(
  s: Pick<SaleRow, "startsAt" | "endsAt" | "cancelledAt">,
  now: Date,
): SaleEventDto["state"] {
  if (s.cancelledAt) return "cancelled";
  if (s.endsAt <= now) return "ended";
  if (s.startsAt > now) return "scheduled";
  return "running";
}

async function loadSaleItems(db: Database, ids: string[]) {
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

export async function toSaleEventDtos(db: Database, rows: SaleRow[], now: Date): Promise<SaleEventDto[]> {
  const items = await loadSaleItems(
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

/** The seller's own sale, locked; another seller's is not found. */
export async function findOwnSaleForUpdate(tx: Database, actor: SellerActor, id: string) {
  const [row] = await tx
    .select()
    .from(saleEvents)
    .where(and(eq(saleEvents.id, id), eq(saleEvents.sellerId, actor.sellerId)))
    .for("update");
  if (!row) throw notFound("sale.not_found", "Sale not found");
  return row;
}
