import { totpFactors, users } from "@bazaar/db";
import { VerifySecondFactorInput } from "@bazaar/schemas";
import { and, eq, isNotNull } from "drizzle-orm";
import { invalidField } from "../../errors";
import { dispatchEmails, queueEmail } from "../../notifications";
import { audit } from "../../platform/audit";
import type { Deps, Origin } from "../../platform/deps";
import type { SignInOutcome } from "../complete-sign-in";
import { challengeInvalid, spendChallengeAttempt } from "./challenges";
import { securityUrl } from "./enrolment";
import { finishSignIn } from "./finish-sign-in";
import { recoveryCodesLeft, useRecoveryCode } from "./recovery-codes";
import { acceptTotpCode } from "./totp";

/**
 * Answers a sign-in's second-factor challenge with a code from the authenticator app or a
 * recovery code, and only then starts the session. Each try spends one of the challenge's
 * 5 attempts (committed even when the code is wrong) and counts against the account's
 * limit; a code is accepted once (its 30-second step is recorded), a recovery code once
 * ever. Using a recovery code is audited and emailed to the account, whatever its settings.
 */
export async function verifySecondFactor(
  deps: Deps,
  origin: Origin,
  raw: VerifySecondFactorInput,
): Promise<SignInOutcome> {
  const input = VerifySecondFactorInput.parse(raw);
  const now = deps.now();
  const challenge = await spendChallengeAttempt(deps.db, input.challengeToken, now);
  await deps.limiter.consume("two_factor.account", challenge.userId);

  const { outcome, emailId } = await deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, challenge.userId));
    const [factor] = await tx
      .select()
      .from(totpFactors)
      .where(and(eq(totpFactors.userId, challenge.userId), isNotNull(totpFactors.confirmedAt)));
    // No factor (an admin who must enrol first) or an account switched off since the password.
    if (user?.status !== "active" || !factor) throw challengeInvalid();

    let emailId: string | undefined;
    if (input.code !== undefined) {
      if (!(await acceptTotpCode(deps, tx, factor, input.code, now)))
        throw invalidField("code", "auth.second_factor_invalid", "That code is wrong or was already used");
    } else {
      if (!(await useRecoveryCode(tx, user.id, input.recoveryCode!, now)))
        throw invalidField(
          "recoveryCode",
          "auth.recovery_code_invalid",
          "That recovery code is wrong or was already used",
        );
      const left = await recoveryCodesLeft(tx, user.id);
      await audit(tx, {
        actorId: user.id,
        actorRole: user.role,
        action: "two_factor.recovery_code_used",
        targetType: "user",
        targetId: user.id,
        data: { recoveryCodesLeft: left },
      });
      emailId = await queueEmail(tx, {
        to: user.email,
        template: "two_factor_recovery_code_used",
        payload: { name: user.name, left, ip: origin.ip, url: securityUrl(deps, user.role) },
      });
    }
    return {
      outcome: await finishSignIn(deps, tx, user, challenge.id, origin, input.rememberDevice),
      emailId,
    };
  });
  if (emailId) await dispatchEmails(deps, [emailId]);
  await deps.limiter.reset("two_factor.account", challenge.userId);
  return outcome;
}
