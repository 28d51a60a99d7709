import { type Database, settings } from "@bazaar/db";
import { CheckoutSettings, SetCheckoutSettingsInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";

export const CHECKOUT_SETTINGS_KEY = "checkout";

/** ₹49 shipping per seller below ₹499 of that seller's goods; 10 of one item, 50 units an order; COD up to ₹50,000. */
export const DEFAULT_CHECKOUT_SETTINGS: CheckoutSettings = {
  shippingFlatFee: 4_900,
  freeShippingAbove: 49_900,
  maxQtyPerLine: 10,
  maxUnitsPerOrder: 50,
  codMaxOrderValue: 5_000_000,
};

export async function getCheckoutSettings(db: Database): Promise<CheckoutSettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, CHECKOUT_SETTINGS_KEY));
  // Settings saved by an older release may lack newer fields: defaults fill them.
  const parsed = CheckoutSettings.safeParse({
    ...DEFAULT_CHECKOUT_SETTINGS,
    ...(row?.value as object | undefined),
  });
  return parsed.success ? parsed.data : DEFAULT_CHECKOUT_SETTINGS;
}

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
      data: { from, to },
    });
    return to;
  });
}
