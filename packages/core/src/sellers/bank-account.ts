import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Deps } from "../platform/deps";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** One key per application secret, derived once: HKDF-SHA256, info "bazaar:bank-account". */
const keys = new WeakMap<Uint8Array, Buffer>();
function keyFor(secret: Uint8Array): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, new Uint8Array(0), "bazaar:bank-account", 32));
    keys.set(secret, key);
  }
  return key;
}

/**
 * AES-256-GCM with a fresh random IV: `base64url(iv ‖ tag ‖ ciphertext)`. The tag makes
 * any tampering with the stored value fail loudly on decryption instead of paying out
 * to a different account.
 */
export function encryptBankAccount(deps: Pick<Deps, "auth">, accountNumber: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(deps.auth.secret), iv);
  const ciphertext = Buffer.concat([cipher.update(accountNumber, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
}

/** The full account number, for payouts only: never put it in a DTO, a log or an email. */
export function decryptBankAccount(deps: Pick<Deps, "auth">, encrypted: string): string {
  const raw = Buffer.from(encrypted, "base64url");
  if (raw.length <= IV_BYTES + TAG_BYTES) throw new Error("Malformed encrypted bank account");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(deps.auth.secret), raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    "utf8",
  );
}

/** What reads show: a fixed-width mask, so not even the length of the number leaks. */
export const maskBankAccount = (last4: string) => `XXXXXX${last4}`;

/** The columns a bank account is stored as. */
export function bankAccountColumns(
  deps: Pick<Deps, "auth">,
  account: { holder: string; number: string; ifsc: string },
) {
  return {
    bankAccountHolder: account.holder,
    bankAccountEncrypted: encryptBankAccount(deps, account.number),
    bankAccountLast4: account.number.slice(-4),
    bankIfsc: account.ifsc,
  };
}
