import { cartItems, carts } from "@bazaar/db";
import { RemoveCartItemInput, UpdateCartItemInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { getCheckoutSettings } from "../checkout/checkout-settings";
import { notFound } from "../errors";
import type { Deps } from "../platform/deps";
import { type CartOwner, findCart } from "./cart-owner";
import { checkQuantity, findBuyableVariant } from "./cart-rules";
import { evaluateCart } from "./evaluate-cart";
import { type CartResult, ownerUserId } from "./get-cart";

/** The line, only if it is in the caller's own cart: anyone else's line is simply not found. */
async function findOwnLine(tx: Deps["db"], owner: CartOwner, itemId: string, now: Date) {
  const cart = await findCart(tx, owner, now, true);
  const [line] = cart
    ? await tx
        .select({ id: cartItems.id, variantId: cartItems.variantId })
        .from(cartItems)
        .where(and(eq(cartItems.id, itemId), eq(cartItems.cartId, cart.id)))
    : [];
  if (!cart || !line) throw notFound("cart.item_not_found", "That item is not in your cart");
  return { cart, line };
}

/** Sets a line's quantity. Touching a line also acknowledges its current price. */
export async function updateCartItem(
  deps: Pick<Deps, "db" | "now">,
  owner: CartOwner,
  raw: z.input<typeof UpdateCartItemInput>,
): Promise<CartResult> {
  const input = UpdateCartItemInput.parse(raw);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { cart, line } = await findOwnLine(tx, owner, input.itemId, now);
    const variant = await findBuyableVariant(tx, line.variantId, now);
    const settings = await getCheckoutSettings(tx);
    await checkQuantity(tx, {
      cartId: cart.id,
      variantId: variant.id,
      qty: input.qty,
      stock: variant.stock,
      settings,
    });
    await tx
      .update(cartItems)
      .set({ qty: input.qty, seenUnitPrice: variant.unitPrice, updatedAt: now })
      .where(eq(cartItems.id, line.id));
    return {
      cart: (await evaluateCart(tx, cart, ownerUserId(owner), now, settings)).dto,
      issuedGuestToken: null,
    };
  });
}

export async function removeCartItem(
  deps: Pick<Deps, "db" | "now">,
  owner: CartOwner,
  raw: z.input<typeof RemoveCartItemInput>,
): Promise<CartResult> {
  const input = RemoveCartItemInput.parse(raw);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const { cart, line } = await findOwnLine(tx, owner, input.itemId, now);
    await tx.delete(cartItems).where(eq(cartItems.id, line.id));
    return { cart: (await evaluateCart(tx, cart, ownerUserId(owner), now)).dto, issuedGuestToken: null };
  });
}

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
