import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Deps } from "./deps";

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Values we must read back (bank accounts to pay out, webhook secrets to sign with), so they
 * cannot be hashed: AES-256-GCM with a fresh random IV, stored as `base64url(iv ‖ tag ‖
 * ciphertext)`. The tag makes any tampering with the stored value fail loudly on decryption.
 * Each use gets its own key from the application secret (HKDF-SHA256 with its own `info`), so
 * one kind of value can never be decrypted as another.
 */
export function sealer(info: string, what: string) {
  const keys = new WeakMap<Uint8Array, Buffer>();
  const keyFor = (secret: Uint8Array): Buffer => {
    let key = keys.get(secret);
    if (!key) {
      key = Buffer.from(hkdfSync("sha256", secret, new Uint8Array(0), info, 32));
      keys.set(secret, key);
    }
    return key;
  };
  return {
    seal(deps: Pick<Deps, "auth">, plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", keyFor(deps.auth.secret), iv);
      const ciphertext = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString("base64url");
    },
    open(deps: Pick<Deps, "auth">, sealed: string): string {
      const raw = Buffer.from(sealed, "base64url");
      if (raw.length <= IV_BYTES + TAG_BYTES) throw new Error(`Malformed encrypted ${what}`);
      const decipher = createDecipheriv("aes-256-gcm", keyFor(deps.auth.secret), raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}
