import { type Database, sellers, settings } from "@bazaar/db";
import { DEFAULT_RETURN_WINDOW_DAYS, MAX_RETURN_WINDOW_DAYS } from "@bazaar/schemas";
import { eq, inArray } from "drizzle-orm";

// A shop's return window is a seller setting read by catalog (product page), orders (order
// page) and returns (the rule itself); it lives here, below all three, so none imports another.

export const DEFAULT_RETURN_WINDOW_KEY = "returns.defaultWindowDays";
const DAY_MS = 86_400_000;

/** The platform's window in days: the stored setting, or 7 when unset or unreadable. */
export async function getDefaultReturnWindowDays(db: Database): Promise<number> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, DEFAULT_RETURN_WINDOW_KEY));
  const v = row?.value;
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= MAX_RETURN_WINDOW_DAYS
    ? v
    : DEFAULT_RETURN_WINDOW_DAYS;
}

/** Each shop's effective window in days: its own, else the platform default. */
export async function returnWindowsOf(db: Database, sellerIds: string[]): Promise<Map<string, number>> {
  const ids = [...new Set(sellerIds)];
  if (!ids.length) return new Map();
  const fallback = await getDefaultReturnWindowDays(db);
  const rows = await db
    .select({ id: sellers.id, days: sellers.returnWindowDays })
    .from(sellers)
    .where(inArray(sellers.id, ids));
  return new Map(rows.map((r) => [r.id, r.days ?? fallback]));
}

/**
 * The instant the window closes: returns are open while `now < returnableUntil`. Null
 * before delivery and when the shop takes no returns (0 days).
 */
export function returnableUntil(deliveredAt: Date | null, days: number): Date | null {
  if (!deliveredAt || days <= 0) return null;
  return new Date(deliveredAt.getTime() + days * DAY_MS);
}
