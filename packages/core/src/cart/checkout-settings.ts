import { type Database, settings } from "@bazaar/db";
import { CheckoutSettings } from "@bazaar/schemas";
import { eq } from "drizzle-orm";

/**
 * The checkout rules every cart is evaluated against (shipping fees, quantity limits, the
 * cash-on-delivery cap). Admins change them through checkout's setCheckoutSettings; the read
 * sits here because checkout builds on the cart, so the cart must not import checkout.
 */
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
  return checkoutSettingsOf(row?.value);
}

/** The stored checkout settings' value as getCheckoutSettings reads it (for a caller that read the row itself). */
export function checkoutSettingsOf(value: unknown): CheckoutSettings {
  // Settings saved by an older release may lack newer fields: defaults fill them.
  const parsed = CheckoutSettings.safeParse({
    ...DEFAULT_CHECKOUT_SETTINGS,
    ...(value as object | undefined),
  });
  return parsed.success ? parsed.data : DEFAULT_CHECKOUT_SETTINGS;
}
