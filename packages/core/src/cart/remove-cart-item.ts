import { cartItems } from "@bazaar/db";
import { RemoveCartItemInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Deps } from "../platform/deps";
import { type CartOwner, findOwnLine } from "./cart-owner";
import { evaluateCart } from "./evaluate-cart";
import { type CartResult, ownerUserId } from "./get-cart";

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
