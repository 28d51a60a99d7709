import { settings } from "@bazaar/db";
import { type PlatformSettingsDto, SetDefaultCommissionInput } from "@bazaar/schemas";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { DEFAULT_COMMISSION_KEY, getDefaultCommissionBps } from "./queries";

/** Admin: the commission every seller without an override pays. */
export async function setDefaultCommission(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: SetDefaultCommissionInput,
): Promise<PlatformSettingsDto> {
  const input = SetDefaultCommissionInput.parse(raw);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const from = await getDefaultCommissionBps(tx);
    await tx
      .insert(settings)
      .values({ key: DEFAULT_COMMISSION_KEY, value: input.commissionBps, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: input.commissionBps, updatedAt: now } });
    await audit(tx, {
      actorId: actor.userId,
      action: "settings.default_commission_set",
      targetType: "settings",
      targetId: DEFAULT_COMMISSION_KEY,
      before: { defaultCommissionBps: from },
      after: { defaultCommissionBps: input.commissionBps },
    });
  });
  return { defaultCommissionBps: input.commissionBps };
}
