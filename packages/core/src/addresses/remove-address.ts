import { addresses } from "@bazaar/db";
import { IdInput } from "@bazaar/schemas";
import { and, asc, eq } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { lockAddressOwner, makeDefaultAddress } from "./default-address";
import { addressNotFound } from "./queries";

/** Removing the default promotes the oldest remaining address, so a default always exists. */
export async function removeAddress(deps: Deps, actor: Actor, raw: IdInput): Promise<{ ok: true }> {
  const { id } = IdInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    await lockAddressOwner(tx, actor.userId);
    const [gone] = await tx
      .delete(addresses)
      .where(and(eq(addresses.id, id), eq(addresses.userId, actor.userId)))
      .returning();
    if (!gone) throw addressNotFound();
    if (gone.isDefault) {
      const [next] = await tx
        .select({ id: addresses.id })
        .from(addresses)
        .where(eq(addresses.userId, actor.userId))
        .orderBy(asc(addresses.createdAt))
        .limit(1);
      if (next) await makeDefaultAddress(tx, actor.userId, next.id);
    }
    return { ok: true as const };
  });
}
