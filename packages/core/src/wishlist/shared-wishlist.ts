import { wishlistShares } from "@bazaar/db";
import { type Page, SharedWishlistInput, type WishlistItemDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Deps } from "../platform/deps";
import { listSavedItems } from "./queries";

/** A shared wishlist as anyone sees it: products only, nothing about its owner. */
export async function sharedWishlist(
  deps: Pick<Deps, "db" | "now">,
  raw: z.input<typeof SharedWishlistInput>,
): Promise<Page<WishlistItemDto>> {
  const { token, ...pageInput } = SharedWishlistInput.parse(raw);
  const [share] = await deps.db.select().from(wishlistShares).where(eq(wishlistShares.token, token));
  if (!share) throw notFound("wishlist.not_found", "This wishlist link is not valid");
  const page = await listSavedItems(deps.db, share.userId, deps.now(), pageInput);
  return { ...page, items: page.items.filter((i) => i.available) };
}
