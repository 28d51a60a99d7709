import { cartItems } from "@bazaar/db";
import { UpdateCartItemInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Deps } from "../platform/deps";
import { type CartOwner, findOwnLine } from "./cart-owner";
import { checkQuantity, findBuyableVariant } from "./cart-rules";
import { getCheckoutSettings } from "./checkout-settings";
import { evaluateCart } from "./evaluate-cart";
import { type CartResult, ownerUserId } from "./get-cart";

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
