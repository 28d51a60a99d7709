import type { TwoFactorEnrolmentDto } from "@bazaar/schemas";
import { notFound } from "../../errors";
import type { Actor, Deps } from "../../platform/deps";
import { findUserById } from "../queries";
import { beginEnrolment } from "./enrolment";

/** Step one of turning the second factor on: a secret to scan (QR) or type, unconfirmed until `confirmTwoFactor`. */
export async function startTwoFactor(deps: Deps, actor: Actor): Promise<TwoFactorEnrolmentDto> {
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw notFound("user.not_found", "Account not found");
  return deps.db.transaction((tx) => beginEnrolment(deps, tx, user));
}
