import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { API_KEY_PREFIX } from "@bazaar/schemas";

/**
 * A key is `bz_live_<prefix>_<secret>`: 6 random bytes of hex as the prefix (the row's
 * look-up and the part shown in lists), 32 random bytes as the secret. With 256 bits of
 * entropy a plain SHA-256 is as good as a slow hash and costs microseconds per request.
 */
export function newApiKey(): { prefix: string; secret: string; key: string; secretHash: string } {
  const prefix = randomBytes(6).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { prefix, secret, key: `${API_KEY_PREFIX}${prefix}_${secret}`, secretHash: hashSecret(secret) };
}

export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** `{ prefix, secret }` of a well-formed key, else null. */
export function parseApiKey(key: string): { prefix: string; secret: string } | null {
  const m = /^bz_live_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/.exec(key.trim());
  return m ? { prefix: m[1]!, secret: m[2]! } : null;
}

/** Constant-time comparison of a presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
