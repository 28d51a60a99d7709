import { type Database, signInChallenges, totpFactors, type users } from "@bazaar/db";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { unauthorized } from "../../errors";
import type { Origin } from "../../platform/deps";
import { newOpaqueToken, sha256 } from "../credentials";

/** Long enough to open the app and type a code, short enough that a stolen token is soon useless. */
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;
/** Wrong codes per challenge; then the password must be entered again (and that is rate-limited). */
export const CHALLENGE_MAX_ATTEMPTS = 5;

export const challengeInvalid = () =>
  unauthorized("auth.challenge_invalid", "This sign-in step has expired or was already used: sign in again");

export async function createChallenge(
  db: Database,
  user: typeof users.$inferSelect,
  method: string,
  origin: Origin,
  now: Date,
) {
  const token = newOpaqueToken();
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  await db.insert(signInChallenges).values({
    userId: user.id,
    tokenHash: sha256(token),
    method,
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, 400) ?? null,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

const live = (token: string, now: Date) =>
  and(
    eq(signInChallenges.tokenHash, sha256(token)),
    isNull(signInChallenges.consumedAt),
    gt(signInChallenges.expiresAt, now),
    lt(signInChallenges.attempts, CHALLENGE_MAX_ATTEMPTS),
  );

/** The live challenge's user, without spending an attempt (starting an enrolment guesses nothing). */
export async function peekChallenge(db: Database, token: string, now: Date) {
  const [row] = await db
    .select({ id: signInChallenges.id, userId: signInChallenges.userId })
    .from(signInChallenges)
    .where(live(token, now));
  if (!row) throw challengeInvalid();
  return row;
}

/**
 * Spends one attempt of a live challenge, committed on its own before the code is checked:
 * a wrong code rolls back its own work but the attempt stays counted.
 */
export async function spendChallengeAttempt(db: Database, token: string, now: Date) {
  const [row] = await db
    .update(signInChallenges)
    .set({ attempts: sql`${signInChallenges.attempts} + 1` })
    .where(live(token, now))
    .returning({ id: signInChallenges.id, userId: signInChallenges.userId });
  if (!row) throw challengeInvalid();
  return row;
}

/** Uses the challenge up; a conditional update, so two right codes racing give one session. */
export async function consumeChallenge(db: Database, id: string, now: Date) {
  const [row] = await db
    .update(signInChallenges)
    .set({ consumedAt: now })
    .where(and(eq(signInChallenges.id, id), isNull(signInChallenges.consumedAt)))
    .returning({ id: signInChallenges.id });
  if (!row) throw challengeInvalid();
}

export async function findConfirmedFactor(db: Database, userId: string) {
  const [row] = await db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, userId), sql`${totpFactors.confirmedAt} is not null`));
  return row ?? null;
}
