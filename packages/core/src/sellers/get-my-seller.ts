import { sellers } from "@bazaar/db";
import type { SellerDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { findSellerDto } from "./queries";

/** The caller's application or shop, whatever its status, or null if they never applied. */
export async function getMySeller(deps: Pick<Deps, "db">, actor: Actor): Promise<SellerDto | null> {
  return (await findSellerDto(deps.db, eq(sellers.userId, actor.userId))) ?? null;
}
