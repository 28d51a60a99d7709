import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from "jose";
import { DomainError, unauthorized } from "../errors";

/** Google signs ID tokens with either spelling of its issuer. */
const ISSUERS = ["accounts.google.com", "https://accounts.google.com"];
/** A phone's clock a little off must not fail a sign-in; a token minutes stale still does. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** What we keep from a verified ID token. `sub` is Google's stable id for the person. */
export type GoogleClaims = { sub: string; email: string; name: string | null };

/**
 * One key set per JWKS URL for the life of the process: jose caches the keys, refetches
 * only when a token names a key it does not have (at most every 30 s), so a key Google
 * rotated in is picked up and a flood of made-up key ids cannot make us fetch in a loop.
 */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function keySet(url: string) {
  let set = keySets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
    keySets.set(url, set);
  }
  return set;
}

const rejected = (why: string, message: string) =>
  unauthorized(`auth.google_${why}`, `Google sign-in failed: ${message}`);

/** Each way a token can fail, as the reason clients (and tests) see. */
function reasonFor(error: unknown): DomainError {
  if (error instanceof errors.JWTExpired)
    return rejected("token_expired", "the sign-in has expired, try again");
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "aud") return rejected("wrong_audience", "the token is for another app");
    if (error.claim === "iss") return rejected("wrong_issuer", "the token is not from Google");
    return rejected("token_invalid", `the token's ${error.claim} claim is not valid`);
  }
  if (error instanceof errors.JWKSNoMatchingKey)
    return rejected("unknown_key", "the token is signed with a key Google does not publish");
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return rejected("bad_signature", "the token's signature does not match");
  // The key set could not be had: a timeout, a network failure (fetch throws a TypeError),
  // an answer that is not 200 or not a key set (a bare JOSEError from jose's fetch).
  const keysUnreachable =
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    (error instanceof TypeError && /fetch/i.test(error.message)) ||
    (error instanceof errors.JOSEError && /JSON Web Key Set HTTP response/.test(error.message));
  if (keysUnreachable)
    return new DomainError(
      "UNAVAILABLE",
      "auth.google_keys_unavailable",
      "Google's signing keys could not be fetched. Try again in a moment.",
    );
  // Malformed tokens, a wrong algorithm, a missing claim: all just "not a valid token".
  return rejected("token_invalid", "the token is not a valid Google ID token");
}

/**
 * Checks a Google ID token the way Google documents it: signature by one of its published
 * keys (RS256), issuer, audience = our client id, not expired; and that Google has verified
 * the email, since the email is what links it to an existing account.
 */
export async function verifyGoogleIdToken(
  google: { clientId: string; jwksUrl: string },
  idToken: string,
  now: Date,
): Promise<GoogleClaims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keySet(google.jwksUrl), {
      issuer: ISSUERS,
      audience: google.clientId,
      algorithms: ["RS256"],
      currentDate: now,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      requiredClaims: ["sub", "exp", "iat"],
    }));
  } catch (error) {
    throw reasonFor(error);
  }
  const email = typeof payload.email === "string" ? payload.email.trim().toLowerCase() : "";
  if (typeof payload.sub !== "string" || !payload.sub || !email)
    throw rejected("token_invalid", "the token names no account or email");
  if (payload.email_verified !== true)
    throw rejected("email_unverified", "Google has not verified this email address");
  const name = typeof payload.name === "string" && payload.name.trim() ? payload.name.trim() : null;
  return { sub: payload.sub, email, name };
}
