import { coupons } from "@bazaar/db";
import { type CouponDto, UpdateCouponInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { invalidField, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { checkCouponCategories, checkCouponProducts } from "./coupon-rules";
import { type CouponOwner, ownCouponWhere, withProductTitles } from "./queries";

export async function updateCoupon(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  owner: CouponOwner,
  raw: z.input<typeof UpdateCouponInput>,
): Promise<CouponDto> {
  const { id, ...input } = UpdateCouponInput.parse(raw);
  const now = deps.now();
  if (input.productIds) await checkCouponProducts(deps.db, owner, input.productIds);
  if (input.categoryIds) await checkCouponCategories(deps.db, input.categoryIds);
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(coupons).where(ownCouponWhere(owner, id)).for("update");
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
    return (await withProductTitles(tx, [row!], now))[0]!;
  });
}
