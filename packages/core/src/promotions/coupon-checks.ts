import { couponRedemptions, coupons, type Database, orders } from "@bazaar/db";
import type { CouponRejection } from "@bazaar/schemas";
import { and, count, eq, isNull, ne } from "drizzle-orm";
import { DomainError } from "../errors";
import type { PricingCoupon } from "../pricing";

export type CouponRow = typeof coupons.$inferSelect;

const MESSAGES: Record<CouponRejection, string> = {
  not_found: "There is no coupon with that code",
  inactive: "This coupon has been withdrawn",
  not_started: "This coupon is not valid yet",
  expired: "This coupon has expired",
  usage_exhausted: "This coupon has been fully used",
  per_customer_limit: "You have already used this coupon as many times as it allows",
  first_order_only: "This coupon is for a first order only",
  min_subtotal: "Add more to your cart to use this coupon",
  not_applicable: "This coupon does not apply to anything in your cart",
};

export const rejectionMessage = (reason: CouponRejection) => MESSAGES[reason];

export function couponRejected(reason: CouponRejection, details?: Record<string, unknown>) {
  return new DomainError("INVALID_STATE", `coupon.${reason}`, MESSAGES[reason], {
    ...details,
    fieldErrors: { code: [MESSAGES[reason]] },
  });
}

export function toPricingCoupon(c: CouponRow): PricingCoupon {
  return {
    sellerId: c.sellerId,
    kind: c.kind,
    percentBps: c.percentBps,
    amountOff: c.amountOff,
    maxDiscount: c.maxDiscount,
    minSubtotal: c.minSubtotal,
    categoryIds: c.categoryIds,
    productIds: c.productIds,
  };
}

export async function findCouponByCode(db: Database, code: string): Promise<CouponRow | undefined> {
  const [row] = await db.select().from(coupons).where(eq(coupons.code, code.toUpperCase()));
  return row;
}

/**
 * The rules that do not depend on the cart's contents: switched on, inside its window,
 * uses left overall and for this customer, and first-order-only. A guest is held to the
 * customer rules once signed in (every read and the checkout check again).
 */
export async function couponUsability(
  db: Database,
  c: CouponRow,
  userId: string | null,
  now: Date,
  opts: { excludeOrderId?: string } = {},
): Promise<CouponRejection | null> {
  if (!c.active) return "inactive";
  if (c.startsAt > now) return "not_started";
  if (c.endsAt && c.endsAt <= now) return "expired";
  if (c.usageLimit !== null && c.usedCount >= c.usageLimit) return "usage_exhausted";
  if (!userId) return null;
  if (c.perCustomerLimit !== null) {
    const [used] = await db
      .select({ n: count() })
      .from(couponRedemptions)
      .where(
        and(
          eq(couponRedemptions.couponId, c.id),
          eq(couponRedemptions.userId, userId),
          isNull(couponRedemptions.releasedAt),
        ),
      );
    if ((used?.n ?? 0) >= c.perCustomerLimit) return "per_customer_limit";
  }
  if (c.firstOrderOnly && (await hasPlacedOrder(db, userId, opts.excludeOrderId))) return "first_order_only";
  return null;
}

/** Any earlier order counts, except one that expired unpaid (it never happened for the customer). */
async function hasPlacedOrder(db: Database, userId: string, excludeOrderId?: string) {
  const [row] = await db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.customerId, userId),
        ne(orders.paymentStatus, "expired"),
        excludeOrderId ? ne(orders.id, excludeOrderId) : undefined,
      ),
    )
    .limit(1);
  return !!row;
}
