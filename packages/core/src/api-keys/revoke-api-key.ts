import { apiKeys } from "@bazaar/db";
import { type ApiKeyDto, ApiKeyIdInput } from "@bazaar/schemas";
import { and, eq, isNull } from "drizzle-orm";
import { notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { apiKeyDto } from "./dto";

/**
 * Revokes one of the shop's keys: the next request carrying it is refused. Idempotent: a
 * key already revoked is answered as it is, keeping its first revocation time and writing
 * no second audit entry. Another shop's key is "not found", as if it did not exist.
 */
export async function revokeApiKey(deps: Deps, actor: SellerActor, raw: ApiKeyIdInput): Promise<ApiKeyDto> {
  const { id } = ApiKeyIdInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: deps.now() })
      .where(and(eq(apiKeys.id, id), eq(apiKeys.sellerId, actor.sellerId), isNull(apiKeys.revokedAt)))
      .returning();
    if (row) {
      await audit(tx, {
        action: "api_key.revoked",
        targetType: "api_key",
        targetId: row.id,
        before: { revokedAt: null },
        after: { revokedAt: row.revokedAt?.toISOString() ?? null },
        data: { name: row.name, prefix: row.prefix, sellerId: actor.sellerId },
      });
      return apiKeyDto(row);
    }
    const [existing] = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.id, id), eq(apiKeys.sellerId, actor.sellerId)));
    if (!existing) throw notFound("api_key.not_found", "No such API key");
    return apiKeyDto(existing);
  });
}
