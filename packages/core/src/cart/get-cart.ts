import type { CartDto } from "@bazaar/schemas";
import type { Deps } from "../platform/deps";
import { type CartOwner, findCart } from "./cart-owner";
import { evaluateCart } from "./evaluate-cart";

/** What a cart mutation gives back: the cart, and a token if a guest cart was just created. */
export type CartResult = { cart: CartDto; issuedGuestToken: string | null };

export const ownerUserId = (owner: CartOwner) => ("userId" in owner ? owner.userId : null);

/** The cart as it stands now, re-validated and priced. A guest with no cart gets an empty one. */
export async function getCart(deps: Pick<Deps, "db" | "now">, owner: CartOwner): Promise<CartDto> {
  const now = deps.now();
  // No transaction: a read that notices a change writes single, idempotent rows, and the
  // hot path saves its BEGIN and COMMIT round trips.
  const cart = await findCart(deps.db, owner, now);
  return (await evaluateCart(deps.db, cart, ownerUserId(owner), now)).dto;
}
