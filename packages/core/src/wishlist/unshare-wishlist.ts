import { wishlistShares } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";

export async function unshareWishlist(deps: Pick<Deps, "db">, actor: Actor): Promise<{ revoked: boolean }> {
  const gone = await deps.db
    .delete(wishlistShares)
    .where(eq(wishlistShares.userId, actor.userId))
    .returning();
  return { revoked: gone.length > 0 };
}
