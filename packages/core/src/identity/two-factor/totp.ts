import { type Database, totpFactors } from "@bazaar/db";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import type { Deps } from "../../platform/deps";
import { sealer } from "../../platform/sealed";

export const TOTP_ISSUER = "Bazaar";
const PERIOD = 30;

/** Secrets must be read back to check codes, so they are sealed (not hashed) with their own key. */
export const totpSecrets = sealer("bazaar:totp-secret:v1", "authenticator secret");

/** 160 random bits, as RFC 4226 recommends; base32 is what authenticator apps take by hand. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export const totpFor = (secret: string, accountName: string) =>
  new TOTP({
    issuer: TOTP_ISSUER,
    label: accountName,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });

/**
 * The 30-second step `code` belongs to, accepting the step before and after now (a phone's
 * clock drifts, a user types slowly), or null. The caller records the step so each code
 * counts once.
 */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const delta = totpFor(secret, "-").validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return TOTP.counter({ period: PERIOD, timestamp: now.getTime() }) + delta;
}

/**
 * Checks a code against the user's secret and records its step, so the same code (or an
 * older one) is refused next time, even by a request racing this one: the conditional
 * update lets one of them through. `confirm` also marks an enrolment confirmed.
 */
export async function acceptTotpCode(
  deps: Pick<Deps, "auth">,
  db: Database,
  factor: { userId: string; secretSealed: string },
  code: string,
  now: Date,
  options: { confirm?: boolean } = {},
): Promise<boolean> {
  const step = matchingStep(totpSecrets.open(deps, factor.secretSealed), code, now);
  if (step === null) return false;
  const [row] = await db
    .update(totpFactors)
    .set({ lastStep: step, updatedAt: now, ...(options.confirm ? { confirmedAt: now } : {}) })
    .where(
      and(
        eq(totpFactors.userId, factor.userId),
        or(isNull(totpFactors.lastStep), lt(totpFactors.lastStep, step)),
      ),
    )
    .returning({ userId: totpFactors.userId });
  return row !== undefined;
}
