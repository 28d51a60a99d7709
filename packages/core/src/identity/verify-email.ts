import { otpCodes, users } from "@bazaar/db";
import { VerifyEmailInput } from "@bazaar/schemas";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { DomainError, invalidField } from "../errors";
import { dispatchEmails, queueEmail } from "../notifications";
import type { Deps, Origin } from "../platform/deps";
import { hashOtp, OTP_MAX_ATTEMPTS, sameHash, unusablePasswordHash } from "./credentials";
import { findUserByEmail } from "./queries";
import { issueResetLink } from "./request-password-reset";
import { type SignedIn, startSession } from "./sessions";

const wrongCode = (attemptsLeft: number) =>
  invalidField("code", "auth.otp_invalid", "The code is not right", { attemptsLeft });

const exhausted = () =>
  invalidField("code", "auth.otp_exhausted", "Too many wrong codes. Ask for a new code.");

/**
 * The answer for an address with no code to check (no sign-up, already verified, code
 * used): the same shape a real wrong code gets, attempts counting down to exhaustion, so
 * the form does not reveal who has a sign-up pending.
 */
async function decoyAnswer(deps: Pick<Deps, "limiter">, email: string): Promise<DomainError> {
  try {
    const { remaining } = await deps.limiter.consume("otp.verify.decoy", email);
    return remaining > 0 ? wrongCode(remaining) : exhausted();
  } catch (e) {
    if (e instanceof DomainError && e.code === "RATE_LIMITED") return exhausted();
    throw e;
  }
}

/** Checks the emailed code, activates the account and signs the user in. */
export async function verifyEmail(deps: Deps, origin: Origin, raw: VerifyEmailInput): Promise<SignedIn> {
  const input = VerifyEmailInput.parse(raw);
  if (origin.ip) await deps.limiter.consume("otp.verify.ip", origin.ip);
  const now = deps.now();

  // Failures are returned, not thrown, so the attempt counter commits with them.
  const outcome = await deps.db.transaction(
    async (tx): Promise<DomainError | { signedIn: SignedIn; emailIds: string[] }> => {
      const user = await findUserByEmail(tx, input.email);
      if (!user || user.emailVerifiedAt) return decoyAnswer(deps, input.email);
      const [otp] = await tx
        .select()
        .from(otpCodes)
        .where(
          and(
            eq(otpCodes.userId, user.id),
            eq(otpCodes.purpose, "verify_email"),
            isNull(otpCodes.consumedAt),
          ),
        )
        .orderBy(desc(otpCodes.createdAt))
        .limit(1)
        .for("update");
      if (!otp) return decoyAnswer(deps, input.email);
      if (otp.attempts >= OTP_MAX_ATTEMPTS) return exhausted();
      if (otp.expiresAt <= now)
        return invalidField("code", "auth.otp_expired", "The code has expired. Ask for a new code.");
      if (!sameHash(otp.codeHash, hashOtp(deps.auth.secret, user.id, input.code))) {
        const [after] = await tx
          .update(otpCodes)
          .set({ attempts: sql`${otpCodes.attempts} + 1` })
          .where(eq(otpCodes.id, otp.id))
          .returning({ attempts: otpCodes.attempts });
        const left = OTP_MAX_ATTEMPTS - after!.attempts;
        return left > 0 ? wrongCode(left) : exhausted();
      }
      await tx.update(otpCodes).set({ consumedAt: now }).where(eq(otpCodes.id, otp.id));
      // Signed up twice with different passwords: neither may stand, since either could be
      // a stranger's. The inbox owner, signed in by this code, chooses one by a reset link.
      const contested = user.signupContestedAt !== null;
      const [verified] = await tx
        .update(users)
        .set({
          emailVerifiedAt: now,
          signupContestedAt: null,
          updatedAt: now,
          ...(contested && { passwordHash: await unusablePasswordHash(deps.auth.bcryptCost) }),
        })
        .where(eq(users.id, user.id))
        .returning();
      const emailIds = [
        await queueEmail(tx, {
          to: user.email,
          template: "welcome",
          payload: { name: user.name, url: deps.urls.customer },
        }),
      ];
      if (contested) emailIds.push(await issueResetLink(deps, tx, user, "choose_password"));
      const signedIn = await startSession(deps, tx, verified!, origin);
      return { signedIn: contested ? { ...signedIn, passwordSetRequired: true } : signedIn, emailIds };
    },
  );

  if (outcome instanceof DomainError) throw outcome;
  await dispatchEmails(deps, outcome.emailIds);
  return outcome.signedIn;
}
