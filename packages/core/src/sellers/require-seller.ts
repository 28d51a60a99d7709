import { sellers } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { forbidden } from "../errors";
import type { Actor, Deps, SellerActor } from "../platform/deps";

/**
 * Seller procedures need more than the seller role: the shop must be approved and not
 * suspended, checked on every call so a suspension bites at once.
 */
export async function requireApprovedSeller(deps: Pick<Deps, "db">, actor: Actor): Promise<SellerActor> {
  const [s] = await deps.db
    .select({ id: sellers.id, status: sellers.status })
    .from(sellers)
    .where(eq(sellers.userId, actor.userId));
  if (!s) throw forbidden("seller.not_a_seller", "You have no shop yet. Apply to sell first.");
  if (s.status === "suspended") throw forbidden("seller.suspended", "Your shop is suspended");
  if (s.status !== "approved") throw forbidden("seller.not_approved", "Your shop is not approved yet");
  return { ...actor, sellerId: s.id };
}
