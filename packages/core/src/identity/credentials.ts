import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import type { Role } from "@bazaar/schemas";
import bcrypt from "bcrypt";
import { type JWTPayload, SignJWT } from "jose";

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
 * window the token is checked in full again. The session is still read on every call
 * (authenticate.ts), so a sign-out or suspension takes effect as before. Bounded: the
 * oldest entry goes first.
 */
const verified = new WeakMap<Uint8Array, Map<string, { claims: AccessClaims; exp: number; nbf?: number }>>();
const VERIFIED_MAX = 10_000;

/**
 * The payload of an HS256 token signed with `secret` whose claims hold at `now` (seconds),
 * or null: the checks jose's `jwtVerify` makes with our options (header alg HS256 and no
 * `crit`, issuer, audience, `exp`/`nbf`/`iat` numeric, `exp > now - tolerance`,
 * `nbf <= now + tolerance`), with the HMAC computed in place. Through jose the check went
 * through WebCrypto (a key import and a thread-pool job per token, ~0.2 ms of the API's CPU),
 * paid by every request with a token not yet seen: each client's first call after a refresh,
 * and every checkout in the bench.
 */
function checkHs256(secret: Uint8Array, token: string, now: number, tolerance: number): JWTPayload | null {
  // Strict base64url, as jose reads it (Buffer's decoder would skip stray characters).
  if (!JWS_SHAPE.test(token)) return null;
  const parts = token.split(".");
  const [head, body, signature] = parts as [string, string, string];
  const expected = createHmac("sha256", secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const header = parseJsonObject(head);
  if (header?.alg !== "HS256" || header.crit !== undefined || header.b64 !== undefined) return null;
  const payload = parseJsonObject(body) as JWTPayload | null;
  if (payload?.iss !== "bazaar") return null;
  const aud = payload.aud;
  if (!(aud === "bazaar-api" || (Array.isArray(aud) && aud.includes("bazaar-api")))) return null;
  for (const claim of ["exp", "nbf", "iat"] as const)
    if (payload[claim] !== undefined && typeof payload[claim] !== "number") return null;
  if (payload.exp !== undefined && payload.exp <= now - tolerance) return null;
  if (payload.nbf !== undefined && payload.nbf > now + tolerance) return null;
  return payload;
}

const JWS_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function parseJsonObject(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
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
  const payload = checkHs256(
    secret,
    token,
    Math.floor(now.getTime() / 1000),
    options.allowExpired ? REFRESH_TTL_MS / 1000 : 0,
  );
  if (payload) {
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
  }
  return null;
}
