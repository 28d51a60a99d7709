import { cartItems, carts } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { type CartOwner, findCart } from "./cart-owner";
import { evaluateCart } from "./evaluate-cart";
import { type CartResult, ownerUserId } from "./get-cart";

/** Empties the cart and drops its coupon. */
export async function clearCart(deps: Pick<Deps, "db" | "now">, owner: CartOwner): Promise<CartResult> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const cart = await findCart(tx, owner, now, true);
    if (cart) {
      await tx.delete(cartItems).where(eq(cartItems.cartId, cart.id));
      await tx.update(carts).set({ couponId: null, updatedAt: now }).where(eq(carts.id, cart.id));
    }
    return {
      cart: (await evaluateCart(tx, cart ? { ...cart, couponId: null } : null, ownerUserId(owner), now)).dto,
      issuedGuestToken: null,
    };
  });
}
