import { settings } from "@bazaar/db";
import { CheckoutSettings, SetCheckoutSettingsInput } from "@bazaar/schemas";
import { CHECKOUT_SETTINGS_KEY, getCheckoutSettings } from "../cart";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";

/** Admin: shipping fees and cart limits, changed field by field. */
export async function setCheckoutSettings(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: SetCheckoutSettingsInput,
): Promise<CheckoutSettings> {
  const input = SetCheckoutSettingsInput.parse(raw);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const from = await getCheckoutSettings(tx);
    const to = CheckoutSettings.parse({ ...from, ...input });
    await tx
      .insert(settings)
      .values({ key: CHECKOUT_SETTINGS_KEY, value: to, updatedAt: now })
      .onConflictDoUpdate({ target: settings.key, set: { value: to, updatedAt: now } });
    await audit(tx, {
      actorId: actor.userId,
      action: "settings.checkout_set",
      targetType: "settings",
      targetId: CHECKOUT_SETTINGS_KEY,
      before: from,
      after: to,
    });
    return to;
  });
}
