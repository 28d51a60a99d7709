import { totpFactors, users } from "@bazaar/db";
import type { LoginInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { TOTP } from "otpauth";
import {
  login,
  newTotpSecret,
  type SignedIn,
  type SignInOutcome,
  totpFor,
  totpSecrets,
  verifySecondFactor,
} from "../identity";
import type { Deps, Origin } from "../platform/deps";

/** A code of `secret` for the 30-second step `at` falls in: what the authenticator app shows. */
export const totpCode = (secret: string, at: Date = new Date()) =>
  totpFor(secret, "test").generate({ timestamp: at.getTime() });

/**
 * Gives the user a confirmed authenticator (unless they have one) and returns its secret,
 * as if they had scanned the QR and confirmed it.
 */
export async function enrolTotp(deps: Pick<Deps, "db" | "auth" | "now">, userId: string): Promise<string> {
  const [existing] = await deps.db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  if (existing?.confirmedAt) return totpSecrets.open(deps, existing.secretSealed);
  const secret = newTotpSecret();
  const now = deps.now();
  const values = {
    secretSealed: totpSecrets.seal(deps, secret),
    confirmedAt: now,
    lastStep: null,
    updatedAt: now,
  };
  await deps.db
    .insert(totpFactors)
    .values({ userId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: totpFactors.userId, set: values });
  return secret;
}

/**
 * A code the server will accept now for the user (enrolling them first if needed). Each code
 * signs in once, so when a test has used up the steps around now it forgets the last one
 * used: a shortcut only tests take, so many sign-ins can run within 30 seconds.
 */
export async function currentTotpCode(
  deps: Pick<Deps, "db" | "auth" | "now">,
  userId: string,
): Promise<string> {
  const secret = await enrolTotp(deps, userId);
  const [factor] = await deps.db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  const now = deps.now();
  const step = TOTP.counter({ period: 30, timestamp: now.getTime() });
  const last = factor?.lastStep ?? null;
  for (const s of [step - 1, step, step + 1])
    if (last === null || s > last) return totpCode(secret, new Date(s * 30_000 + 1));
  await deps.db.update(totpFactors).set({ lastStep: null }).where(eq(totpFactors.userId, userId));
  return totpCode(secret, now);
}

/** The session of a sign-in, failing the test when a second factor is asked for instead. */
export function signedIn(outcome: SignInOutcome): Extract<SignInOutcome, { status: "signed_in" }> {
  if (outcome.status !== "signed_in") throw new Error("expected a session, got a second-factor challenge");
  return outcome;
}

/**
 * Signs in with the password and, when a second factor is owed (always for admins), answers
 * it with a current code (enrolling the account first if it has no factor).
 */
export async function signInForTest(
  deps: Deps,
  origin: Origin,
  input: LoginInput,
): Promise<SignedIn & { status: "signed_in" }> {
  const first = await login(deps, origin, input);
  if (first.status === "signed_in") return first;
  const [user] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, input.email.trim().toLowerCase()));
  const code = await currentTotpCode(deps, user!.id);
  return signedIn(await verifySecondFactor(deps, origin, { challengeToken: first.challengeToken, code }));
}

/** `currentTotpCode` for the account with this email (tests over HTTP know the email, not the id). */
export async function currentTotpCodeByEmail(deps: Pick<Deps, "db" | "auth" | "now">, email: string) {
  const [user] = await deps.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  if (!user) throw new Error(`no account ${email}`);
  return currentTotpCode(deps, user.id);
}
