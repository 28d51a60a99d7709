import { ReauthenticateInput, type RecoveryCodesDto } from "@bazaar/schemas";
import { notFound } from "../../errors";
import { audit } from "../../platform/audit";
import type { Actor, Deps } from "../../platform/deps";
import { findUserById } from "../queries";
import { reauthenticate } from "./reauthenticate";
import { replaceRecoveryCodes } from "./recovery-codes";

/** New recovery codes (the old ones stop working), given the password or a current code. */
export async function regenerateRecoveryCodes(
  deps: Deps,
  actor: Actor,
  raw: ReauthenticateInput,
): Promise<RecoveryCodesDto> {
  const input = ReauthenticateInput.parse(raw);
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw notFound("user.not_found", "Account not found");
  return deps.db.transaction(async (tx) => {
    await reauthenticate(deps, tx, user, input);
    const codes = await replaceRecoveryCodes(tx, user.id, deps.now());
    await audit(tx, {
      actorId: user.id,
      actorRole: user.role,
      action: "two_factor.recovery_codes_regenerated",
      targetType: "user",
      targetId: user.id,
    });
    return { recoveryCodes: codes };
  });
}
