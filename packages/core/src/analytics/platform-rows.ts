import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { rowsOf } from "../platform/raw-rows";
import { istDay } from "./facts";
import { addDays, istStart } from "./period";

export type PlatformDayRow = {
  day: string;
  gross: number;
  cancelled: number;
  refunded: number;
  commission: number;
  checkouts: number;
  codGross: number;
  codCheckouts: number;
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
  "newCustomers",
  "newSellers",
] as const;

/**
 * The platform's days from `from` to `to`: the sharded rollup added up per day, with sign-ups
 * per IST day counted from the users and sellers indexes (role, created_at) and (created_at).
 */
export async function platformDays(db: Database, from: string, to: string): Promise<PlatformDayRow[]> {
  const start = istStart(from);
  const end = istStart(addDays(to, 1));
  const [sales, customers, shops] = await Promise.all([
    rowsOf<Omit<PlatformDayRow, "newCustomers" | "newSellers">>(
      db,
      sql`select day::text as day, sum(gross)::float8 as gross, sum(cancelled)::float8 as cancelled,
            sum(refunded)::float8 as refunded, sum(commission)::float8 as commission,
            sum(checkouts)::int as checkouts, sum(cod_gross)::float8 as "codGross",
            sum(cod_checkouts)::int as "codCheckouts"
          from analytics_platform_daily
          where day between ${from}::date and ${to}::date
          group by day`,
    ),
    rowsOf<{ day: string; n: number }>(
      db,
      sql`select ${sql.raw(istDay("created_at"))}::text as day, count(*)::int as n from users
          where role = 'customer' and created_at >= ${start.toISOString()}::timestamptz
            and created_at < ${end.toISOString()}::timestamptz
          group by 1`,
    ),
    rowsOf<{ day: string; n: number }>(
      db,
      sql`select ${sql.raw(istDay("created_at"))}::text as day, count(*)::int as n from sellers
          where created_at >= ${start.toISOString()}::timestamptz and created_at < ${end.toISOString()}::timestamptz
          group by 1`,
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
  for (const c of customers) row(c.day).newCustomers = c.n;
  for (const s of shops) row(s.day).newSellers = s.n;
  return [...byDay.values()];
}
