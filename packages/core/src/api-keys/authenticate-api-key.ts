import { apiKeys, sellers, users } from "@bazaar/db";
import type { ApiKeyScope } from "@bazaar/schemas";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { DomainError, forbidden, unauthorized } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { hasScope } from "./dto";
import { parseApiKey, secretMatches } from "./secrets";

/** last_used_at moves at most this often: a busy integration is not a write per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * A request made with an API key: the shop's owner acting through the key, nothing more.
 * The key's id and name go into every audit entry the request writes (see setAuditActor).
 */
export type ApiKeyActor = Actor & { sellerId: string; apiKeyId: string; apiKeyName: string };

/**
 * Turns an API key into the seller it acts for, for one procedure that accepts keys with
 * `required`. Checked on every request, so revocation and suspension bite at once: the key
 * exists and its secret matches (compared in constant time), it is not revoked, the shop's
 * account is active and the shop not suspended, and it holds the scope. Each key is
 * rate-limited on its own; its last use is recorded at most once a minute. Wrong keys are
 * counted per client address (`ip`): once too many, every key from there is refused with
 * RATE_LIMITED for a while, the right one too, so guessing gains nothing.
 */
export async function authenticateApiKey(
  deps: Pick<Deps, "db" | "now" | "limiter">,
  key: string,
  required: ApiKeyScope,
  ip: string | null = null,
): Promise<ApiKeyActor> {
  if (ip) await deps.limiter.check("api_key.invalid.ip", ip);
  const invalid = async () => {
    if (ip) await deps.limiter.consume("api_key.invalid.ip", ip);
    return unauthorized("api_key.invalid", "This API key is not valid");
  };
  const parsed = parseApiKey(key);
  if (!parsed) throw await invalid();
  const [row] = await deps.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      secretHash: apiKeys.secretHash,
      scopes: apiKeys.scopes,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
      sellerId: sellers.id,
      sellerStatus: sellers.status,
      userId: users.id,
      role: users.role,
      userStatus: users.status,
    })
    .from(apiKeys)
    .innerJoin(sellers, eq(sellers.id, apiKeys.sellerId))
    .innerJoin(users, eq(users.id, sellers.userId))
    .where(eq(apiKeys.prefix, parsed.prefix));
  if (!row || !secretMatches(parsed.secret, row.secretHash)) throw await invalid();
  if (row.revokedAt) throw unauthorized("api_key.revoked", "This API key has been revoked");
  if (row.userStatus !== "active")
    throw unauthorized("auth.account_inactive", `The shop's account is ${row.userStatus}`);
  if (row.sellerStatus === "suspended") throw forbidden("seller.suspended", "This shop is suspended");
  if (row.sellerStatus !== "approved") throw forbidden("seller.not_approved", "This shop is not approved");
  if (!hasScope(row.scopes, required))
    throw new DomainError("FORBIDDEN", "api_key.scope_missing", `This API key lacks the ${required} scope`, {
      requiredScope: required,
    });
  await deps.limiter.consume("api_key.request", row.id);

  const now = deps.now();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const stale = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    // Conditional, so concurrent requests in the same minute write once between them.
    await deps.db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, stale))));
  }
  return {
    userId: row.userId,
    role: row.role,
    sessionId: `api-key:${row.id}`,
    sellerId: row.sellerId,
    apiKeyId: row.id,
    apiKeyName: row.name,
  };
}
