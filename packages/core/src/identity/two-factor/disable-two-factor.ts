import { recoveryCodes, totpFactors } from "@bazaar/db";
import { ReauthenticateInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { notFound } from "../../errors";
import { dispatchEmails, queueEmail } from "../../notifications";
import { audit } from "../../platform/audit";
import type { Actor, Deps } from "../../platform/deps";
import { findUserById } from "../queries";
import { securityUrl } from "./enrolment";
import { reauthenticate } from "./reauthenticate";
import { revokeTrustedDevices } from "./trusted-devices";

/**
 * Turns the second factor off, given the password or a current code: the secret and the
 * recovery codes are deleted and every remembered device must pass the factor again (if
 * it is ever turned back on). Audited and emailed. An admin may do it, but cannot sign in
 * again without enrolling anew.
 */
export async function disableTwoFactor(
  deps: Deps,
  actor: Actor,
  raw: ReauthenticateInput,
): Promise<{ ok: true; revokedDevices: number }> {
  const input = ReauthenticateInput.parse(raw);
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw notFound("user.not_found", "Account not found");
  const now = deps.now();
  const { revokedDevices, emailId } = await deps.db.transaction(async (tx) => {
    await reauthenticate(deps, tx, user, input);
    await tx.delete(totpFactors).where(eq(totpFactors.userId, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    const revokedDevices = await revokeTrustedDevices(tx, user.id, now);
    await audit(tx, {
      actorId: user.id,
      actorRole: user.role,
      action: "two_factor.disabled",
      targetType: "user",
      targetId: user.id,
      data: { revokedDevices },
    });
    const emailId = await queueEmail(tx, {
      to: user.email,
      template: "two_factor_disabled",
      payload: { name: user.name, url: securityUrl(deps, user.role) },
    });
    return { revokedDevices, emailId };
  });
  await dispatchEmails(deps, [emailId]);
  return { ok: true, revokedDevices };
}
