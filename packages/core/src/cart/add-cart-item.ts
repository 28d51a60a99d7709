import { cartItems } from "@bazaar/db";
import { AddCartItemInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Deps } from "../platform/deps";
import { type CartOwner, ensureCart } from "./cart-owner";
import { checkQuantity, findBuyableVariant } from "./cart-rules";
import { getCheckoutSettings } from "./checkout-settings";
import { evaluateCart } from "./evaluate-cart";
import { type CartResult, ownerUserId } from "./get-cart";

/**
 * Adds units of a variant, on top of any already in the cart. The price is the server's
 * own; the client sends only which variant and how many.
 */
export async function addCartItem(
  deps: Pick<Deps, "db" | "now">,
  owner: CartOwner,
  raw: z.input<typeof AddCartItemInput>,
): Promise<CartResult> {
  const input = AddCartItemInput.parse(raw);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const variant = await findBuyableVariant(tx, input.variantId, now);
    const { cart, issuedToken } = await ensureCart(tx, owner, now);
    const settings = await getCheckoutSettings(tx);
    const [existing] = await tx
      .select({ id: cartItems.id, qty: cartItems.qty })
      .from(cartItems)
      .where(and(eq(cartItems.cartId, cart.id), eq(cartItems.variantId, variant.id)));
    const qty = (existing?.qty ?? 0) + input.qty;
    await checkQuantity(tx, { cartId: cart.id, variantId: variant.id, qty, stock: variant.stock, settings });
    if (existing)
      await tx
        .update(cartItems)
        .set({ qty, seenUnitPrice: variant.unitPrice, updatedAt: now })
        .where(eq(cartItems.id, existing.id));
    else
      await tx.insert(cartItems).values({
        cartId: cart.id,
        variantId: variant.id,
        qty,
        seenUnitPrice: variant.unitPrice,
        createdAt: now,
        updatedAt: now,
      });
    const { dto } = await evaluateCart(tx, cart, ownerUserId(owner), now, settings);
    return { cart: dto, issuedGuestToken: issuedToken };
  });
}
