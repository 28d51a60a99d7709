import { addresses } from "@bazaar/db";
import type { AddressDto } from "@bazaar/schemas";
import { asc, desc, eq } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { toAddressDto } from "./queries";

export async function listAddresses(deps: Deps, actor: Actor): Promise<AddressDto[]> {
  const rows = await deps.db
    .select()
    .from(addresses)
    .where(eq(addresses.userId, actor.userId))
    .orderBy(desc(addresses.isDefault), asc(addresses.createdAt));
  return rows.map(toAddressDto);
}
