import { couponRedemptions, coupons, type Database } from "@bazaar/db";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { couponRejected, couponUsability } from "./coupon-checks";

/**
 * Counts one use of a coupon by an order, inside the order's transaction. The conditional
 * increment takes the coupon's row lock, so two orders racing for the last use are
 * serialised: the second sees the limit reached and is refused. The per-customer and
 * first-order rules are checked again under that lock for the same reason.
 */
export async function redeemCoupon(
  tx: Database,
  input: { couponId: string; userId: string; orderId: string; discount: number; now: Date },
): Promise<void> {
  const [row] = await tx
    .update(coupons)
    .set({ usedCount: sql`${coupons.usedCount} + 1`, updatedAt: input.now })
    .where(
      and(
        eq(coupons.id, input.couponId),
        or(isNull(coupons.usageLimit), lt(coupons.usedCount, coupons.usageLimit)),
      ),
    )
    .returning();
  if (!row) throw couponRejected("usage_exhausted");
  // usedCount now includes this order; judge the other rules as they stood before it.
  const rejection = await couponUsability(
    tx,
    { ...row, usedCount: row.usedCount - 1 },
    input.userId,
    input.now,
    {
      excludeOrderId: input.orderId,
    },
  );
  if (rejection) throw couponRejected(rejection);
  await tx.insert(couponRedemptions).values({
    couponId: input.couponId,
    userId: input.userId,
    orderId: input.orderId,
    discount: input.discount,
    createdAt: input.now,
  });
}

/** Gives an order's coupon use back (cancelled before anything shipped, or expired unpaid). Idempotent. */
export async function releaseCoupon(tx: Database, input: { orderId: string; now: Date }): Promise<boolean> {
  const released = await tx
    .update(couponRedemptions)
    .set({ releasedAt: input.now })
    .where(and(eq(couponRedemptions.orderId, input.orderId), isNull(couponRedemptions.releasedAt)))
    .returning({ couponId: couponRedemptions.couponId });
  for (const r of released)
    await tx
      .update(coupons)
      .set({ usedCount: sql`greatest(${coupons.usedCount} - 1, 0)`, updatedAt: input.now })
      .where(eq(coupons.id, r.couponId));
  return released.length > 0;
}
