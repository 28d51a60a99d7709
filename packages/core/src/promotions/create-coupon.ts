import { coupons } from "@bazaar/db";
import { type CouponDto, CreateCouponInput } from "@bazaar/schemas";
import type { z } from "zod";
import { invalidField } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { isUniqueViolation } from "../platform/text";
import { checkCouponCategories, checkCouponProducts } from "./coupon-rules";
import { type CouponOwner, withProductTitles } from "./queries";

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
  await checkCouponProducts(deps.db, owner, input.productIds);
  await checkCouponCategories(deps.db, input.categoryIds);
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
      return (await withProductTitles(tx, [row!], now))[0]!;
    });
  } catch (error) {
    if (isUniqueViolation(error, "coupons_code_key"))
      throw invalidField("code", "coupon.code_taken", "That code is already in use");
    throw error;
  }
}
