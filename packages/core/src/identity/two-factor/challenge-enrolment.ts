import { users } from "@bazaar/db";
import {
  ChallengeEnrolmentInput,
  ConfirmChallengeEnrolmentInput,
  type TwoFactorEnrolmentDto,
} from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { dispatchEmails } from "../../notifications";
import type { Deps, Origin } from "../../platform/deps";
import type { SignInOutcome } from "../complete-sign-in";
import { challengeInvalid, findConfirmedFactor, peekChallenge, spendChallengeAttempt } from "./challenges";
import { beginEnrolment, confirmEnrolment } from "./enrolment";
import { finishSignIn } from "./finish-sign-in";

/**
 * For an account that must have a second factor and has none yet (an admin): the sign-in
 * challenge, which only the password's owner holds, lets them enrol before their first
 * session. Only while no factor is confirmed: otherwise the challenge wants a code.
 */
export async function startChallengeEnrolment(
  deps: Deps,
  raw: ChallengeEnrolmentInput,
): Promise<TwoFactorEnrolmentDto> {
  const input = ChallengeEnrolmentInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    const challenge = await peekChallenge(tx, input.challengeToken, deps.now());
    const [user] = await tx.select().from(users).where(eq(users.id, challenge.userId));
    if (user?.status !== "active" || (await findConfirmedFactor(tx, user.id))) throw challengeInvalid();
    return beginEnrolment(deps, tx, user);
  });
}

/**
 * Confirms that enrolment with a code and signs in: the answer carries the session and the
 * 10 recovery codes (shown once). Each try spends one of the challenge's attempts.
 */
export async function confirmChallengeEnrolment(
  deps: Deps,
  origin: Origin,
  raw: ConfirmChallengeEnrolmentInput,
): Promise<SignInOutcome> {
  const input = ConfirmChallengeEnrolmentInput.parse(raw);
  const challenge = await spendChallengeAttempt(deps.db, input.challengeToken, deps.now());
  await deps.limiter.consume("two_factor.account", challenge.userId);
  const { outcome, emailId } = await deps.db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, challenge.userId));
    if (user?.status !== "active") throw challengeInvalid();
    const { recoveryCodes, emailId } = await confirmEnrolment(deps, tx, user, input.code);
    const signedIn = await finishSignIn(deps, tx, user, challenge.id, origin, input.rememberDevice);
    return { outcome: { ...signedIn, recoveryCodes }, emailId };
  });
  await dispatchEmails(deps, [emailId]);
  await deps.limiter.reset("two_factor.account", challenge.userId);
  return outcome;
}
