import { otpCodes, users } from "@bazaar/db";
import { type AcceptedDto, RegisterInput } from "@bazaar/schemas";
import { and, eq, isNull } from "drizzle-orm";
import { dispatchEmails, queueEmail } from "../notifications";
import type { Deps, Origin } from "../platform/deps";
import { hashOtp, hashPassword, newOtp, OTP_TTL_MS, verifyPassword } from "./credentials";
import { findUserByEmail } from "./queries";

export const codeSentMessage = (email: string) =>
  `If ${email} can receive email, a 6-digit code is on its way. It expires in 10 minutes.`;

/**
 * Creates an unverified customer and emails a verification code. The answer is the same
 * whether or not the email is taken: a registered owner gets a "you already have an
 * account" email instead, so the form cannot be used to find out who has an account.
 *
 * A repeat sign-up never changes an existing account's credentials, verified or not:
 * otherwise anyone could sign up with someone else's address, and when its owner later
 * confirms with the newest code, own an account whose password the stranger knows. The
 * same password again just re-sends a code; a different one marks the sign-up contested,
 * and confirming it then makes the inbox owner choose a password (see verifyEmail).
 */
export async function register(deps: Deps, origin: Origin, raw: RegisterInput): Promise<AcceptedDto> {
  const input = RegisterInput.parse(raw);
  if (origin.ip) await deps.limiter.consume("register.ip", origin.ip);
  const passwordHash = await hashPassword(input.password, deps.auth.bcryptCost);
  const now = deps.now();
  // Compared before the transaction, so the row lock is not held across a bcrypt check.
  const prior = await findUserByEmail(deps.db, input.email);
  const samePassword =
    !!prior && !prior.emailVerifiedAt && (await verifyPassword(input.password, prior.passwordHash));

  const emailIds = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        phone: input.phone ?? null,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: users.email })
      .returning();
    const existing =
      created ?? (await tx.select().from(users).where(eq(users.email, input.email)).for("update"))[0]!;

    if (existing.emailVerifiedAt) {
      return [
        await queueEmail(tx, {
          to: existing.email,
          template: "signup_existing",
          payload: {
            name: existing.name,
            loginUrl: `${deps.urls.customer}/login`,
            resetUrl: `${deps.urls.customer}/forgot-password`,
          },
        }),
      ];
    }
    if (!created && !samePassword && !existing.signupContestedAt) {
      await tx.update(users).set({ signupContestedAt: now, updatedAt: now }).where(eq(users.id, existing.id));
    }
    return [
      await issueVerificationCode(deps, tx, { id: existing.id, email: existing.email, name: existing.name }),
    ];
  });

  // The resend cooldown starts now, whichever branch ran, so it reveals nothing either.
  await deps.limiter.consume("otp.send.cooldown", input.email).catch(() => {});
  await dispatchEmails(deps, emailIds);
  return { ok: true, message: codeSentMessage(input.email) };
}

/** Kills any live code and writes a new one, returning the outbox id of its email. */
export async function issueVerificationCode(
  deps: Pick<Deps, "auth" | "now">,
  tx: Deps["db"],
  user: { id: string; email: string; name: string },
): Promise<string> {
  const now = deps.now();
  await tx
    .update(otpCodes)
    .set({ consumedAt: now })
    .where(
      and(eq(otpCodes.userId, user.id), eq(otpCodes.purpose, "verify_email"), isNull(otpCodes.consumedAt)),
    );
  const code = newOtp();
  await tx.insert(otpCodes).values({
    userId: user.id,
    purpose: "verify_email",
    codeHash: hashOtp(deps.auth.secret, user.id, code),
    expiresAt: new Date(now.getTime() + OTP_TTL_MS),
    createdAt: now,
  });
  return queueEmail(tx, { to: user.email, template: "verify_email", payload: { name: user.name, code } });
}
