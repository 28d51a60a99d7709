import { productVariants, wishlistItems } from "@bazaar/db";
import { WishlistMoveInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { CartResult } from "../cart";
import { addCartItem } from "../cart";
import { invalidField, notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { checkVariantOf } from "./queries";
import { removeFromWishlist } from "./remove-from-wishlist";

/**
 * Puts a saved product in the cart and takes it off the list. Which variant: the one
 * given, else the one saved, else the only one; a product with several needs a choice.
 */
export async function moveWishlistToCart(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: z.input<typeof WishlistMoveInput>,
): Promise<CartResult> {
  const input = WishlistMoveInput.parse(raw);
  const [saved] = await deps.db
    .select({ variantId: wishlistItems.variantId })
    .from(wishlistItems)
    .where(and(eq(wishlistItems.userId, actor.userId), eq(wishlistItems.productId, input.productId)));
  if (!saved) throw notFound("wishlist.item_not_found", "That product is not in your wishlist");
  // Else another product would land in the cart while this one left the list.
  if (input.variantId) await checkVariantOf(deps.db, input.productId, input.variantId);
  let variantId = input.variantId ?? saved.variantId;
  if (!variantId) {
    const variants = await deps.db
      .select({ id: productVariants.id })
      .from(productVariants)
      .where(and(eq(productVariants.productId, input.productId), eq(productVariants.active, true)))
      .limit(2);
    if (variants.length !== 1)
      throw invalidField("variantId", "wishlist.choose_variant", "Choose a size or colour first");
    variantId = variants[0]!.id;
  }
  const result = await addCartItem(deps, { userId: actor.userId }, { variantId, qty: input.qty });
  await removeFromWishlist(deps, actor, { productId: input.productId });
  return result;
}
