import { type Database, settings } from "@bazaar/db";
import { DEFAULT_FINANCE_SETTINGS, FinanceSettings } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";

/** The settings key the ledger owns: gateway fee, its GST, TCS, the minimum payout. */
export const FINANCE_SETTINGS_KEY = "finance";

/** The stored rules, fields missing or unreadable falling back to the defaults (2% + 18%, 1%, ₹500). */
export async function readFinanceSettings(db: Database): Promise<FinanceSettings> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, FINANCE_SETTINGS_KEY));
  const parsed = FinanceSettings.safeParse({
    ...DEFAULT_FINANCE_SETTINGS,
    ...(row?.value as object | undefined),
  });
  return parsed.success ? parsed.data : DEFAULT_FINANCE_SETTINGS;
}

/** Admin: the platform's finance settings. */
export async function getFinanceSettings(deps: Pick<Deps, "db">, _actor: Actor): Promise<FinanceSettings> {
  return readFinanceSettings(deps.db);
}
