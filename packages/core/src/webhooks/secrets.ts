import { createHmac, randomBytes } from "node:crypto";
import type { Deps } from "../platform/deps";
import { sealer } from "../platform/sealed";

/** Sealed like sellers' bank accounts, with a key of their own (HKDF info "bazaar:webhook-secret"). */
const endpointSecret = sealer("bazaar:webhook-secret", "webhook secret");

/** A new endpoint secret as Standard Webhooks writes it: `whsec_` + base64 of 24 random bytes. */
export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

/** We must sign with endpoint secrets, so they are stored encrypted, not hashed. */
export const encryptSecret = (deps: Pick<Deps, "auth">, secret: string): string =>
  endpointSecret.seal(deps, secret);

export const decryptSecret = (deps: Pick<Deps, "auth">, encrypted: string): string =>
  endpointSecret.open(deps, encrypted);

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
