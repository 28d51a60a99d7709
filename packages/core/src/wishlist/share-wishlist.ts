import { randomBytes } from "node:crypto";
import { wishlistShares } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";

/** A public link to the wishlist; the same link until revoked. */
export async function shareWishlist(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
): Promise<{ token: string }> {
  await deps.db
    .insert(wishlistShares)
    .values({ userId: actor.userId, token: randomBytes(18).toString("base64url"), createdAt: deps.now() })
    .onConflictDoNothing();
  const [row] = await deps.db
    .select({ token: wishlistShares.token })
    .from(wishlistShares)
    .where(eq(wishlistShares.userId, actor.userId));
  return { token: row!.token };
}
