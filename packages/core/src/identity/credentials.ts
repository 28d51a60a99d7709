import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Role } from "@bazaar/schemas";
import bcrypt from "bcrypt";
import { jwtVerify, SignJWT } from "jose";

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TTL_MS = 30 * 24 * 60 * 60 * 1000;
export const OTP_TTL_MS = 10 * 60 * 1000;
export const OTP_MAX_ATTEMPTS = 5;
export const RESET_TTL_MS = 15 * 60 * 1000;

export const hashPassword = (password: string, cost: number) => bcrypt.hash(password, cost);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/**
 * A real bcrypt hash of a random string: comparing against it when the account does not
 * exist makes a failed login take as long as a wrong password for a real account.
 */
let dummyHash: Promise<string> | undefined;
export const dummyPasswordHash = (cost: number) => {
  dummyHash ??= bcrypt.hash(randomBytes(16).toString("hex"), cost);
  return dummyHash;
};

/** Opaque high-entropy tokens (refresh, reset) are stored as SHA-256: a leak of the table cannot be replayed. */
export const newOpaqueToken = () => randomBytes(32).toString("base64url");
/** A hash no one knows the password of: the account can only be entered by a reset link. */
export const unusablePasswordHash = (cost: number) => hashPassword(newOpaqueToken(), cost);
export const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A 6-digit code has too little entropy for a plain hash: it is keyed with the server
 * secret, so the stored value is useless without it.
 */
export const newOtp = () => String(randomInt(0, 1_000_000)).padStart(6, "0");
export const hashOtp = (secret: Uint8Array, userId: string, code: string) =>
  createHmac("sha256", secret).update(`${userId}:${code}`).digest("hex");
export const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export type AccessClaims = { sub: string; sid: string; role: Role };

export async function signAccessToken(secret: Uint8Array, claims: AccessClaims, now: Date) {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ sid: claims.sid, role: claims.role })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer("bazaar")
    .setAudience("bazaar-api")
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(secret);
  return { token, expiresAt: new Date(exp * 1000) };
}

/**
 * Tokens whose signature and claims checked out, per secret, by the whole token text: a
 * client sends the same token on every call for its 15 minutes, and checking the HMAC
 * through WebCrypto was about a fifth of the API's CPU on `auth.me`. Only the check that
 * depends on the time is made again (`nbf <= now < exp`, as jose makes it); outside that
 * window the token goes through jose again. The session is still read on every call
 * (authenticate.ts), so a sign-out or suspension takes effect as before. Bounded: the
 * oldest entry goes first.
 */
const verified = new WeakMap<Uint8Array, Map<string, { claims: AccessClaims; exp: number; nbf?: number }>>();
const VERIFIED_MAX = 10_000;

/**
 * The secret as a WebCrypto HMAC key, imported once per secret: given the raw bytes, jose
 * imports them again on every check (about a quarter of the check's CPU), and every request
 * with a token not yet seen (each client's first call after a refresh) checks one.
 */
// Named through importKey, not as the global `CryptoKey`: the worker's type check has no DOM lib.
type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
const verifyKeys = new WeakMap<Uint8Array, Promise<HmacKey>>();
function verifyKey(secret: Uint8Array): Promise<HmacKey> {
  let key = verifyKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", new Uint8Array(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "verify",
    ]);
    verifyKeys.set(secret, key);
  }
  return key;
}

/** The claims of a token we signed, or null. `allowExpired` accepts one expired since (sign-out). */
export async function verifyAccessToken(
  secret: Uint8Array,
  token: string,
  now: Date,
  options: { allowExpired?: boolean } = {},
): Promise<AccessClaims | null> {
  let known = verified.get(secret);
  if (!options.allowExpired && known) {
    const hit = known.get(token);
    const at = Math.floor(now.getTime() / 1000);
    if (hit && at < hit.exp && (hit.nbf === undefined || hit.nbf <= at)) return { ...hit.claims };
    if (hit && at >= hit.exp) known.delete(token);
  }
  try {
    const { payload } = await jwtVerify(token, await verifyKey(secret), {
      issuer: "bazaar",
      audience: "bazaar-api",
      algorithms: ["HS256"],
      currentDate: now,
      ...(options.allowExpired && { clockTolerance: REFRESH_TTL_MS / 1000 }),
    });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string") return null;
    const claims: AccessClaims = { sub: payload.sub, sid: payload.sid, role: payload.role as Role };
    if (!options.allowExpired && typeof payload.exp === "number") {
      if (!known) {
        known = new Map();
        verified.set(secret, known);
      }
      if (known.size >= VERIFIED_MAX) known.delete(known.keys().next().value!);
      known.set(token, { claims, exp: payload.exp, nbf: payload.nbf });
    }
    return { ...claims };
  } catch {
    return null;
  }
}
