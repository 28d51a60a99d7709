import { settings } from "@bazaar/db";
import { FinanceSettings, SetFinanceSettingsInput } from "@bazaar/schemas";
import type { z } from "zod";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { FINANCE_SETTINGS_KEY, readFinanceSettings } from "./finance-settings";

/**
 * Admin: changes the finance settings field by field, audited with before and after.
 * Sub-orders already delivered keep the deductions they were posted with.
 */
export async function setFinanceSettings(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: z.input<typeof SetFinanceSettingsInput>,
): Promise<FinanceSettings> {
  const input = SetFinanceSettingsInput.parse(raw);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const from = await readFinanceSettings(tx);
    const to = FinanceSettings.parse({ ...from, ...input });
    await tx
      .insert(settings)
      .values({ key: FINANCE_SETTINGS_KEY, value: to, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: to, updatedAt: now } });
    await audit(tx, {
      actorId: actor.userId,
      action: "settings.finance_set",
      targetType: "settings",
      targetId: FINANCE_SETTINGS_KEY,
      data: { before: from, after: to },
    });
    return to;
  });
}
