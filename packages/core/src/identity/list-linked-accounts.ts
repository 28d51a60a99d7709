import { userIdentities } from "@bazaar/db";
import type { LinkedIdentityDto } from "@bazaar/schemas";
import { asc, eq } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";

/** The outside accounts (Google) that can sign the caller in, oldest link first. */
export async function listLinkedAccounts(deps: Pick<Deps, "db">, actor: Actor): Promise<LinkedIdentityDto[]> {
  const rows = await deps.db
    .select()
    .from(userIdentities)
    .where(eq(userIdentities.userId, actor.userId))
    .orderBy(asc(userIdentities.createdAt), asc(userIdentities.id));
  return rows.map((r) => ({
    id: r.id,
    provider: "google" as const,
    email: r.email,
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
  }));
}
