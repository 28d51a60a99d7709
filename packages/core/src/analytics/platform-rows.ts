import type { Database } from "@bazaar/db";
import type { AnalyticsGranularity } from "@bazaar/schemas";
import { sql } from "drizzle-orm";
import { rowsOf } from "../platform/raw-rows";

export type PlatformDayRow = {
  day: string;
  gross: number;
  cancelled: number;
  refunded: number;
  commission: number;
  checkouts: number;
  codGross: number;
  codCheckouts: number;
  stripeGross: number;
  stripeCheckouts: number;
  newCustomers: number;
  newSellers: number;
};
export const PLATFORM_DAY_KEYS = [
  "gross",
  "cancelled",
  "refunded",
  "commission",
  "checkouts",
  "codGross",
  "codCheckouts",
  "stripeGross",
  "stripeCheckouts",
  "newCustomers",
  "newSellers",
] as const;

/**
 * The platform from `from` to `to`: the sharded rollup added up per day (or bucket), beside
 * the sign-ups counted per IST day by triggers (migration 0012). Weeks start on Monday.
 */
export async function platformDays(
  db: Database,
  from: string,
  to: string,
  /** Rows per day, per week or month (`day` is the bucket's first day), or one row (`total`). */
  bucket: AnalyticsGranularity | "total" = "day",
): Promise<PlatformDayRow[]> {
  const key = sql.raw(
    bucket === "total"
      ? "'total'"
      : bucket === "day"
        ? "day::text"
        : `date_trunc('${bucket}', day::timestamp)::date::text`,
  );
  const [sales, signups] = await Promise.all([
    rowsOf<Omit<PlatformDayRow, "newCustomers" | "newSellers">>(
      db,
      sql`select ${key} as day, sum(gross)::float8 as gross, sum(cancelled)::float8 as cancelled,
            sum(refunded)::float8 as refunded, sum(commission)::float8 as commission,
            sum(checkouts)::int as checkouts, sum(cod_gross)::float8 as "codGross",
            sum(cod_checkouts)::int as "codCheckouts", sum(stripe_gross)::float8 as "stripeGross",
            sum(stripe_checkouts)::int as "stripeCheckouts"
          from analytics_platform_daily
          where day between ${from}::date and ${to}::date
          group by 1`,
    ),
    rowsOf<{ day: string; customers: number; sellers: number }>(
      db,
      sql`select ${key} as day, sum(customers)::int as customers, sum(sellers)::int as sellers
          from analytics_signups_daily where day between ${from}::date and ${to}::date group by 1`,
    ),
  ]);
  const byDay = new Map<string, PlatformDayRow>();
  const row = (day: string) => {
    let r = byDay.get(day);
    if (!r) {
      r = {
        day,
        ...(Object.fromEntries(PLATFORM_DAY_KEYS.map((k) => [k, 0])) as Omit<PlatformDayRow, "day">),
      };
      byDay.set(day, r);
    }
    return r;
  };
  for (const s of sales) Object.assign(row(s.day), s);
  for (const s of signups) Object.assign(row(s.day), { newCustomers: s.customers, newSellers: s.sellers });
  return [...byDay.values()];
}
