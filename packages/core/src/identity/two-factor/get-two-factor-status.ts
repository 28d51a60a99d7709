import { totpFactors } from "@bazaar/db";
import type { TwoFactorStatusDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../../platform/deps";
import { secondFactorRequired } from "../complete-sign-in";
import { recoveryCodesLeft } from "./recovery-codes";

export async function getTwoFactorStatus(deps: Deps, actor: Actor): Promise<TwoFactorStatusDto> {
  const [factor] = await deps.db
    .select({ confirmedAt: totpFactors.confirmedAt })
    .from(totpFactors)
    .where(eq(totpFactors.userId, actor.userId));
  const enabledAt = factor?.confirmedAt ?? null;
  return {
    enabled: enabledAt !== null,
    enabledAt,
    required: secondFactorRequired(actor),
    recoveryCodesLeft: enabledAt ? await recoveryCodesLeft(deps.db, actor.userId) : 0,
  };
}
