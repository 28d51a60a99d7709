import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import type { Deps } from "../platform/deps";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One key per application secret: HKDF-SHA256 with its own info, apart from bank accounts'. */
const keys = new WeakMap<Uint8Array, Buffer>();
function keyFor(secret: Uint8Array): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, new Uint8Array(0), "bazaar:webhook-secret", 32));
    keys.set(secret, key);
  }
  return key;
}

/** A new endpoint secret as Standard Webhooks writes it: `whsec_` + base64 of 24 random bytes. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

/**
 * Secrets are stored like sellers' bank accounts: AES-256-GCM, a fresh IV, the tag so a
 * tampered value fails loudly. We must sign with them, so they cannot be hashed.
 */
export function encryptSecret(deps: Pick<Deps, "auth">, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(deps.auth.secret), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
}

export function decryptSecret(deps: Pick<Deps, "auth">, encrypted: string): string {
  const raw = Buffer.from(encrypted, "base64url");
  if (raw.length <= IV_BYTES + TAG_BYTES) throw new Error("Malformed encrypted webhook secret");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(deps.auth.secret), raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    "utf8",
  );
}

/**
 * One Standard Webhooks signature: `v1,` + base64 HMAC-SHA256 over `id.timestamp.body`,
 * keyed with the base64-decoded part of the secret after `whsec_`.
 */
export function signPayload(secret: string, webhookId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
  const mac = createHmac("sha256", key).update(`${webhookId}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

/** The `webhook-signature` header: one signature per live secret, space-separated. */
export function signatureHeader(secrets: string[], webhookId: string, timestamp: number, body: string) {
  return secrets.map((s) => signPayload(s, webhookId, timestamp, body)).join(" ");
}
