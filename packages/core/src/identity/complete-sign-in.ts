import type { users } from "@bazaar/db";
import type { SecondFactorChallenge } from "@bazaar/schemas";
import type { Deps, Origin } from "../platform/deps";
import { type SignedIn, startSession } from "./sessions";
import { createChallenge, findConfirmedFactor } from "./two-factor/challenges";
import { isTrustedDevice } from "./two-factor/trusted-devices";

/** How the first factor was passed; a second factor, when owed, is asked for the same way after either. */
export type FirstFactor = "password" | "google";

/**
 * A session, or (when a second factor is owed) a challenge to answer with
 * `verifySecondFactor`. `trustedDevice` is set when "remember this device" was asked for:
 * the edge hands it out as a cookie (web) or in the body (mobile).
 */
export type SignInOutcome =
  | (SignedIn & {
      status: "signed_in";
      trustedDevice?: { token: string; expiresAt: Date };
      recoveryCodes?: string[];
    })
  | SecondFactorChallenge;

/** Admins may not sign in on a password alone: a stolen one must not open the back office. */
export const secondFactorRequired = (user: Pick<typeof users.$inferSelect, "role">) => user.role === "admin";

/**
 * Where every first factor ends, so a second factor cannot be skipped by signing in another way:
 * password and Google sign-in both come through here. A user with a confirmed authenticator
 * (or an admin, who must have one) gets no session here, only a short-lived challenge; a
 * device remembered by that user within 30 days skips it.
 */
export async function completeSignIn(
  deps: Deps,
  user: typeof users.$inferSelect,
  origin: Origin,
  method: FirstFactor,
): Promise<SignInOutcome> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const factor = await findConfirmedFactor(tx, user.id);
    const owed = factor !== null || secondFactorRequired(user);
    const remembered =
      factor !== null &&
      !!origin.trustedDevice &&
      (await isTrustedDevice(tx, user.id, origin.trustedDevice, now));
    if (!owed || remembered)
      return { status: "signed_in" as const, ...(await startSession(deps, tx, user, origin)) };
    const challenge = await createChallenge(tx, user, method, origin, now);
    return {
      status: "second_factor_required" as const,
      challengeToken: challenge.token,
      expiresAt: challenge.expiresAt,
      enrolmentRequired: factor === null,
    };
  });
}
