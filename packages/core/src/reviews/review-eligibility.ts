import { type Database, products, reviews, sellers } from "@bazaar/db";
import { ProductReviewsInput, type ReviewEligibilityDto } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { findMyReview } from "./queries";
import { deliveredLine } from "./verified-purchase";

/**
 * Whether the caller may review the product now, and their review if they wrote one: what
 * the order page and the product page need to offer "Write a review" or "Edit your review".
 * The same rules as createReview, in the same order, without writing.
 */
export async function reviewEligibility(
  deps: Pick<Deps, "db">,
  actor: Actor,
  raw: z.input<typeof ProductReviewsInput>,
): Promise<ReviewEligibilityDto> {
  const input = ProductReviewsInput.parse(raw);
  const base = { productId: input.productId };
  const [existing] = await deps.db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.productId, input.productId), eq(reviews.customerId, actor.userId)));
  if (existing) {
    const review = (await findMyReview(deps.db, existing.id, actor.userId)) ?? null;
    return { ...base, canReview: false, reason: "already_reviewed", review };
  }
  if (!(await deliveredLine(deps.db, actor.userId, input.productId)))
    return { ...base, canReview: false, reason: "not_delivered", review: null };
  if (!(await onSale(deps.db, input.productId)))
    return { ...base, canReview: false, reason: "product_unavailable", review: null };
  return { ...base, canReview: true, reason: null, review: null };
}

async function onSale(db: Database, productId: string) {
  const [p] = await db
    .select({ status: products.status, sellerStatus: sellers.status })
    .from(products)
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .where(eq(products.id, productId));
  return p?.status === "approved" && p.sellerStatus === "approved";
}
