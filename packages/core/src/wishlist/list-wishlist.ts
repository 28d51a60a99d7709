import type { Page, PageInput, WishlistItemDto } from "@bazaar/schemas";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { listSavedItems } from "./queries";

export async function listWishlist(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: z.input<typeof PageInput> = {},
): Promise<Page<WishlistItemDto>> {
  return listSavedItems(deps.db, actor.userId, deps.now(), raw);
}
