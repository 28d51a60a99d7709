import { categories, coupons, type Database, products } from "@bazaar/db";
import {
  type CouponDto,
  CouponListInput,
  CreateCouponInput,
  type Page,
  SetCouponActiveInput,
  UpdateCouponInput,
} from "@bazaar/schemas";
import { and, desc, eq, ilike, inArray, isNotNull, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { invalidField, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { isUniqueViolation } from "../platform/text";

/** Whose coupons the caller manages: the platform's (admin) or one seller's. */
export type CouponOwner = { sellerId: string | null };

type CouponRow = typeof coupons.$inferSelect;

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
async function withTitles(db: Database, rows: CouponRow[], now: Date): Promise<CouponDto[]> {
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

/** A seller's coupon may only name that seller's products; anyone's must name real ones. */
async function checkProducts(db: Database, owner: CouponOwner, productIds: string[]) {
  if (!productIds.length) return;
  const found = await db
    .select({ id: products.id })
    .from(products)
    .where(
      and(
        inArray(products.id, productIds),
        owner.sellerId ? eq(products.sellerId, owner.sellerId) : undefined,
      ),
    );
  const known = new Set(found.map((r) => r.id));
  const missing = productIds.findIndex((id) => !known.has(id));
  if (missing >= 0)
    throw invalidField(
      `productIds.${missing}`,
      "coupon.product_not_found",
      "No such product in your catalogue",
    );
}

async function checkCategories(db: Database, categoryIds: string[]) {
  if (!categoryIds.length) return;
  const rows = await db
    .select({ id: categories.id })
    .from(categories)
    .where(inArray(categories.id, categoryIds));
  const known = new Set(rows.map((r) => r.id));
  const missing = categoryIds.findIndex((id) => !known.has(id));
  if (missing >= 0)
    throw invalidField(`categoryIds.${missing}`, "coupon.category_not_found", "No such category");
}

function ownWhere(owner: CouponOwner, id: string): SQL | undefined {
  return and(
    eq(coupons.id, id),
    owner.sellerId ? eq(coupons.sellerId, owner.sellerId) : isNull(coupons.sellerId),
  );
}

export async function createCoupon(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  owner: CouponOwner,
  raw: z.input<typeof CreateCouponInput>,
): Promise<CouponDto> {
  const input = CreateCouponInput.parse(raw);
  const now = deps.now();
  // The schema checks the window only when both ends are given; a coupon that starts now
  // must also end after now (the table's coupons_window check would refuse it as a 500).
  if (input.endsAt && input.endsAt <= (input.startsAt ?? now))
    throw invalidField("endsAt", "coupon.bad_window", "Must end after it starts");
  await checkProducts(deps.db, owner, input.productIds);
  await checkCategories(deps.db, input.categoryIds);
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(coupons)
        .values({
          code: input.code,
          description: input.description,
          sellerId: owner.sellerId,
          kind: input.kind,
          percentBps: input.kind === "percent" ? (input.percentBps ?? null) : null,
          amountOff: input.kind === "fixed" ? (input.amountOff ?? null) : null,
          maxDiscount: input.kind === "percent" ? (input.maxDiscount ?? null) : null,
          minSubtotal: input.minSubtotal,
          startsAt: input.startsAt ?? now,
          endsAt: input.endsAt ?? null,
          usageLimit: input.usageLimit ?? null,
          perCustomerLimit: input.perCustomerLimit ?? null,
          firstOrderOnly: input.firstOrderOnly,
          categoryIds: input.categoryIds,
          productIds: input.productIds,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await audit(tx, {
        actorId: actor.userId,
        action: "coupon.created",
        targetType: "coupon",
        targetId: row!.id,
        data: { code: input.code, sellerId: owner.sellerId },
      });
      return (await withTitles(tx, [row!], now))[0]!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "coupons_code_key"))
      throw invalidField("code", "coupon.code_taken", "That code is already in use");
    throw error;
  }
}

export async function updateCoupon(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  owner: CouponOwner,
  raw: z.input<typeof UpdateCouponInput>,
): Promise<CouponDto> {
  const { id, ...input } = UpdateCouponInput.parse(raw);
  const now = deps.now();
  if (input.productIds) await checkProducts(deps.db, owner, input.productIds);
  if (input.categoryIds) await checkCategories(deps.db, input.categoryIds);
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(coupons).where(ownWhere(owner, id)).for("update");
    if (!before) throw notFound("coupon.not_found", "Coupon not found");
    const kind = before.kind;
    const next = {
      description: input.description ?? before.description,
      kind,
      percentBps:
        kind === "percent" ? (input.percentBps !== undefined ? input.percentBps : before.percentBps) : null,
      amountOff:
        kind === "fixed" ? (input.amountOff !== undefined ? input.amountOff : before.amountOff) : null,
      maxDiscount:
        kind === "percent"
          ? input.maxDiscount !== undefined
            ? input.maxDiscount
            : before.maxDiscount
          : null,
      minSubtotal: input.minSubtotal ?? before.minSubtotal,
      startsAt: input.startsAt ?? before.startsAt,
      endsAt: input.endsAt !== undefined ? input.endsAt : before.endsAt,
      usageLimit: input.usageLimit !== undefined ? input.usageLimit : before.usageLimit,
      perCustomerLimit:
        input.perCustomerLimit !== undefined ? input.perCustomerLimit : before.perCustomerLimit,
      firstOrderOnly: input.firstOrderOnly ?? before.firstOrderOnly,
      categoryIds: input.categoryIds ?? before.categoryIds,
      productIds: input.productIds ?? before.productIds,
    };
    // The combined result must still make sense: the same rules as creation, field by field.
    if (kind === "percent" && next.percentBps == null)
      throw invalidField("percentBps", "coupon.percent_required", "A percent coupon needs a percentage");
    if (kind === "fixed" && next.amountOff == null)
      throw invalidField("amountOff", "coupon.amount_required", "A fixed coupon needs an amount");
    if (next.endsAt && next.endsAt <= next.startsAt)
      throw invalidField("endsAt", "coupon.bad_window", "Must end after it starts");
    if (next.usageLimit !== null && next.usageLimit < before.usedCount)
      throw invalidField("usageLimit", "coupon.limit_below_used", `Already used ${before.usedCount} times`, {
        usedCount: before.usedCount,
      });
    const [row] = await tx
      .update(coupons)
      .set({ ...next, updatedAt: now })
      .where(eq(coupons.id, id))
      .returning();
    await audit(tx, {
      actorId: actor.userId,
      action: "coupon.updated",
      targetType: "coupon",
      targetId: id,
      data: input,
    });
    return (await withTitles(tx, [row!], now))[0]!;
  });
}

/**
 * Disable or re-enable. Admins may disable any coupon (a seller's that misleads buyers,
 * say); sellers only their own.
 */
export async function setCouponActive(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  owner: CouponOwner | "any",
  raw: z.input<typeof SetCouponActiveInput>,
): Promise<CouponDto> {
  const input = SetCouponActiveInput.parse(raw);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(coupons)
      .set({ active: input.active, updatedAt: now })
      .where(owner === "any" ? eq(coupons.id, input.id) : ownWhere(owner, input.id))
      .returning();
    if (!row) throw notFound("coupon.not_found", "Coupon not found");
    await audit(tx, {
      actorId: actor.userId,
      action: input.active ? "coupon.enabled" : "coupon.disabled",
      targetType: "coupon",
      targetId: input.id,
    });
    return (await withTitles(tx, [row], now))[0]!;
  });
}

/** Newest first. Admins (owner "any") see every coupon; a seller sees their own. */
export async function listCoupons(
  deps: Pick<Deps, "db" | "now">,
  owner: CouponOwner | "any",
  raw: z.input<typeof CouponListInput>,
): Promise<Page<CouponDto>> {
  const input = CouponListInput.parse(raw);
  const now = deps.now();
  const cursor = decodeCursor(input.cursor);
  const state: Record<typeof input.state, SQL | undefined> = {
    all: undefined,
    disabled: eq(coupons.active, false),
    expired: and(eq(coupons.active, true), lt(coupons.endsAt, now)),
    scheduled: and(eq(coupons.active, true), sql`${coupons.startsAt} > ${now}`),
    active: and(
      eq(coupons.active, true),
      sql`${coupons.startsAt} <= ${now}`,
      or(isNull(coupons.endsAt), sql`${coupons.endsAt} > ${now}`),
    ),
  };
  const rows = await deps.db
    .select()
    .from(coupons)
    .where(
      and(
        owner !== "any"
          ? owner.sellerId
            ? eq(coupons.sellerId, owner.sellerId)
            : isNull(coupons.sellerId)
          : input.scope === "platform"
            ? isNull(coupons.sellerId)
            : input.scope === "seller"
              ? isNotNull(coupons.sellerId)
              : undefined,
        input.q ? ilike(coupons.code, `%${input.q.replace(/[%_\\]/g, "\\$&")}%`) : undefined,
        state[input.state],
        cursor ? sql`(${coupons.createdAt}, ${coupons.id}) < (${cursor.createdAt}, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(coupons.createdAt), desc(coupons.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return { items: await withTitles(deps.db, p.items, now), nextCursor: p.nextCursor };
}
