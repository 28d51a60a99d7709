import type { apiKeys } from "@bazaar/db";
import type { ApiKeyDto, ApiKeyScope } from "@bazaar/schemas";

export const apiKeyDto = (row: typeof apiKeys.$inferSelect): ApiKeyDto => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes as ApiKeyScope[],
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
  revokedAt: row.revokedAt,
});

/** A scope is held as given; `area:write` also grants `area:read`. */
export function hasScope(scopes: readonly string[], required: ApiKeyScope): boolean {
  if (scopes.includes(required)) return true;
  const [area, access] = required.split(":");
  return access === "read" && scopes.includes(`${area}:write`);
}
