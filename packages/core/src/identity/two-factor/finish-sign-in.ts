import type { Database, users } from "@bazaar/db";
import type { Deps, Origin } from "../../platform/deps";
import type { SignInOutcome } from "../complete-sign-in";
import { startSession } from "../sessions";
import { consumeChallenge } from "./challenges";
import { trustDevice } from "./trusted-devices";

/**
 * The end of a second-factor step, inside its transaction: the challenge is used up (once,
 * even against a racing right answer), the session starts and, when asked, this device is
 * remembered.
 */
export async function finishSignIn(
  deps: Deps,
  tx: Database,
  user: typeof users.$inferSelect,
  challengeId: string,
  origin: Origin,
  rememberDevice: boolean,
): Promise<Extract<SignInOutcome, { status: "signed_in" }>> {
  const now = deps.now();
  await consumeChallenge(tx, challengeId, now);
  const session = await startSession(deps, tx, user, origin);
  const trustedDevice = rememberDevice ? await trustDevice(tx, user.id, origin.userAgent, now) : undefined;
  return { status: "signed_in", ...session, ...(trustedDevice ? { trustedDevice } : {}) };
}
