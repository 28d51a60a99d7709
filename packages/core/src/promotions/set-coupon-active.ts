import { coupons } from "@bazaar/db";
import { type CouponDto, SetCouponActiveInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { type CouponOwner, ownCouponWhere, withProductTitles } from "./queries";

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
      .where(owner === "any" ? eq(coupons.id, input.id) : ownCouponWhere(owner, input.id))
      .returning();
    if (!row) throw notFound("coupon.not_found", "Coupon not found");
    await audit(tx, {
      actorId: actor.userId,
      action: input.active ? "coupon.enabled" : "coupon.disabled",
      targetType: "coupon",
      targetId: input.id,
    });
    return (await withProductTitles(tx, [row], now))[0]!;
  });
}
