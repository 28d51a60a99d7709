import { apiKeys } from "@bazaar/db";
import { type ApiKeyCreatedDto, ApiKeyCreateInput } from "@bazaar/schemas";
import { and, count, eq, isNull, sql } from "drizzle-orm";
import { conflict } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { apiKeyDto } from "./dto";
import { newApiKey } from "./secrets";

/** A shop keeps at most this many live keys: one per system it connects, with room to rotate. */
export const MAX_LIVE_KEYS = 20;

/**
 * Creates a key for the caller's shop with the scopes chosen. The full key is answered this
 * once; only its prefix and a hash of its secret are stored, so it can never be shown again.
 * The audit entry names the key and its scopes, never the secret.
 */
export async function createApiKey(
  deps: Deps,
  actor: SellerActor,
  raw: ApiKeyCreateInput,
): Promise<ApiKeyCreatedDto> {
  const input = ApiKeyCreateInput.parse(raw);
  const scopes = [...new Set(input.scopes)].sort();
  const key = newApiKey();
  const row = await deps.db.transaction(async (tx) => {
    // Two creates at once could both pass a plain count: counted under a lock on the shop.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`api-keys:${actor.sellerId}`}))`);
    const [n] = await tx
      .select({ n: count() })
      .from(apiKeys)
      .where(and(eq(apiKeys.sellerId, actor.sellerId), isNull(apiKeys.revokedAt)));
    if ((n?.n ?? 0) >= MAX_LIVE_KEYS)
      throw conflict(
        "api_key.too_many",
        `A shop can have at most ${MAX_LIVE_KEYS} live API keys. Revoke one first.`,
      );
    const [row] = await tx
      .insert(apiKeys)
      .values({
        sellerId: actor.sellerId,
        name: input.name,
        prefix: key.prefix,
        secretHash: key.secretHash,
        scopes,
        createdBy: actor.userId,
        createdAt: deps.now(),
      })
      .returning();
    await audit(tx, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: row!.id,
      after: { name: row!.name, prefix: row!.prefix, scopes },
      data: { sellerId: actor.sellerId },
    });
    return row!;
  });
  return { ...apiKeyDto(row), secret: key.key };
}
