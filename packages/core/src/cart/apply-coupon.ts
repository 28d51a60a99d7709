import { carts } from "@bazaar/db";
import { ApplyCouponInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Deps, Origin } from "../platform/deps";
import { couponRejected, couponUsability, findCouponByCode } from "../promotions";
import { type CartOwner, ensureCart } from "./cart-owner";
import { evaluateCart } from "./evaluate-cart";
import { type CartResult, ownerUserId } from "./get-cart";

/**
 * Puts a coupon on the cart if it holds for this cart now; otherwise says precisely why
 * not, and the cart keeps whatever coupon it had. A cart holds one coupon at a time.
 */
export async function applyCoupon(
  deps: Pick<Deps, "db" | "now" | "limiter">,
  owner: CartOwner,
  raw: z.input<typeof ApplyCouponInput>,
  origin: Pick<Origin, "ip"> = { ip: null },
): Promise<CartResult> {
  const input = ApplyCouponInput.parse(raw);
  if (origin.ip) await deps.limiter.consume("coupon.apply.ip", origin.ip);
  const cartKey = "userId" in owner ? owner.userId : owner.guestToken;
  if (cartKey) await deps.limiter.consume("coupon.apply.cart", cartKey);
  const now = deps.now();
  const userId = ownerUserId(owner);
  return deps.db.transaction(async (tx) => {
    const coupon = await findCouponByCode(tx, input.code);
    if (!coupon) throw couponRejected("not_found");
    const rejection = await couponUsability(tx, coupon, userId, now);
    if (rejection) throw couponRejected(rejection);
    const { cart, issuedToken } = await ensureCart(tx, owner, now);
    const evaluated = await evaluateCart(tx, { ...cart, couponId: coupon.id }, userId, now);
    const outcome = evaluated.priced.coupon;
    if (outcome && !outcome.applied)
      throw couponRejected(
        outcome.reason,
        outcome.reason === "min_subtotal"
          ? { minSubtotal: outcome.minSubtotal, shortBy: outcome.shortBy }
          : undefined,
      );
    await tx.update(carts).set({ couponId: coupon.id, updatedAt: now }).where(eq(carts.id, cart.id));
    return { cart: evaluated.dto, issuedGuestToken: issuedToken };
  });
}
