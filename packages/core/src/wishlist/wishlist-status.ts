import { wishlistItems, wishlistShares } from "@bazaar/db";
import { type WishlistStatusDto, WishlistStatusInput } from "@bazaar/schemas";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";

/** Which of `productIds` the customer saved, and their live share token, in two indexed reads. */
export async function wishlistStatus(
  deps: Pick<Deps, "db">,
  actor: Actor,
  raw: z.input<typeof WishlistStatusInput> = {},
): Promise<WishlistStatusDto> {
  const { productIds } = WishlistStatusInput.parse(raw);
  const [saved, share] = await Promise.all([
    productIds.length
      ? deps.db
          .select({ id: wishlistItems.productId })
          .from(wishlistItems)
          .where(and(eq(wishlistItems.userId, actor.userId), inArray(wishlistItems.productId, productIds)))
      : Promise.resolve([]),
    deps.db
      .select({ token: wishlistShares.token })
      .from(wishlistShares)
      .where(eq(wishlistShares.userId, actor.userId)),
  ]);
  return { saved: saved.map((r) => r.id), shareToken: share[0]?.token ?? null };
}
