import { ConfirmTwoFactorInput, type RecoveryCodesDto } from "@bazaar/schemas";
import { notFound } from "../../errors";
import { dispatchEmails } from "../../notifications";
import type { Actor, Deps } from "../../platform/deps";
import { findUserById } from "../queries";
import { confirmEnrolment } from "./enrolment";

/**
 * Turns the second factor on with a code from the app just set up, and answers the 10
 * recovery codes (shown once). Guesses count against the account's limit.
 */
export async function confirmTwoFactor(
  deps: Deps,
  actor: Actor,
  raw: ConfirmTwoFactorInput,
): Promise<RecoveryCodesDto> {
  const input = ConfirmTwoFactorInput.parse(raw);
  await deps.limiter.consume("two_factor.account", actor.userId);
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw notFound("user.not_found", "Account not found");
  const { recoveryCodes, emailId } = await deps.db.transaction((tx) =>
    confirmEnrolment(deps, tx, user, input.code),
  );
  await dispatchEmails(deps, [emailId]);
  await deps.limiter.reset("two_factor.account", actor.userId);
  return { recoveryCodes };
}
