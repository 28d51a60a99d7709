import { otpCodes, users } from "@bazaar/db";
import { VerifyEmailInput } from "@bazaar/schemas";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { DomainError, invalidField } from "../errors";
import { dispatchEmails, queueEmail } from "../notifications/queue-email";
import type { Deps, Origin } from "../platform/deps";
import { hashOtp, OTP_MAX_ATTEMPTS, sameHash } from "./credentials";
import { findUserByEmail } from "./queries";
import { type SignedIn, startSession } from "./sessions";

const wrongCode = (attemptsLeft?: number) =>
  invalidField(
    "code",
    "auth.otp_invalid",
    "The code is not right",
    attemptsLeft === undefined ? undefined : { attemptsLeft },
  );

/** Checks the emailed code, activates the account and signs the user in. */
export async function verifyEmail(deps: Deps, origin: Origin, raw: VerifyEmailInput): Promise<SignedIn> {
  const input = VerifyEmailInput.parse(raw);
  if (origin.ip) await deps.limiter.consume("otp.verify.ip", origin.ip);
  const now = deps.now();

  // Failures are returned, not thrown, so the attempt counter commits with them.
  const outcome = await deps.db.transaction(
    async (tx): Promise<DomainError | { signedIn: SignedIn; emailIds: string[] }> => {
      const user = await findUserByEmail(tx, input.email);
      if (!user || user.emailVerifiedAt) return wrongCode();
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
      if (!otp) return wrongCode();
      if (otp.attempts >= OTP_MAX_ATTEMPTS) {
        return invalidField("code", "auth.otp_exhausted", "Too many wrong codes. Ask for a new code.");
      }
      if (otp.expiresAt <= now)
        return invalidField("code", "auth.otp_expired", "The code has expired. Ask for a new code.");
      if (!sameHash(otp.codeHash, hashOtp(deps.auth.secret, user.id, input.code))) {
        const [after] = await tx
          .update(otpCodes)
          .set({ attempts: sql`${otpCodes.attempts} + 1` })
          .where(eq(otpCodes.id, otp.id))
          .returning({ attempts: otpCodes.attempts });
        const left = OTP_MAX_ATTEMPTS - after!.attempts;
        return left > 0
          ? wrongCode(left)
          : invalidField("code", "auth.otp_exhausted", "Too many wrong codes. Ask for a new code.");
      }
      await tx.update(otpCodes).set({ consumedAt: now }).where(eq(otpCodes.id, otp.id));
      const [verified] = await tx
        .update(users)
        .set({ emailVerifiedAt: now, updatedAt: now })
        .where(eq(users.id, user.id))
        .returning();
      const welcome = await queueEmail(tx, {
        to: user.email,
        template: "welcome",
        payload: { name: user.name, url: deps.urls.customer },
      });
      return { signedIn: await startSession(deps, tx, verified!, origin), emailIds: [welcome] };
    },
  );

  if (outcome instanceof DomainError) throw outcome;
  await dispatchEmails(deps, outcome.emailIds);
  return outcome.signedIn;
}
