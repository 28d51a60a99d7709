import { apiKeys } from "@bazaar/db";
import type { ApiKeyDto } from "@bazaar/schemas";
import { desc, eq } from "drizzle-orm";
import type { Deps, SellerActor } from "../platform/deps";
import { apiKeyDto } from "./dto";

/** The shop's keys, newest first, revoked ones included (marked) so the history stays readable. */
export async function listApiKeys(deps: Pick<Deps, "db">, actor: SellerActor): Promise<ApiKeyDto[]> {
  const rows = await deps.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.sellerId, actor.sellerId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map(apiKeyDto);
}
