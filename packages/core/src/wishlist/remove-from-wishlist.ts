import { wishlistItems } from "@bazaar/db";
import { WishlistRemoveInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

export async function removeFromWishlist(
  deps: Pick<Deps, "db">,
  actor: Actor,
  raw: z.input<typeof WishlistRemoveInput>,
): Promise<{ removed: boolean }> {
  const input = WishlistRemoveInput.parse(raw);
  const gone = await deps.db
    .delete(wishlistItems)
    .where(and(eq(wishlistItems.userId, actor.userId), eq(wishlistItems.productId, input.productId)))
    .returning({ id: wishlistItems.productId });
  return { removed: gone.length > 0 };
}
