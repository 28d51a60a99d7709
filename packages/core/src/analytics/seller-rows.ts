import type { Database } from "@bazaar/db";
import type { AnalyticsGranularity } from "@bazaar/schemas";
import { sql } from "drizzle-orm";
import { rowsOf } from "../platform/raw-rows";

export type SellerDayRow = {
  day: string;
  gross: number;
  cancelled: number;
  refunded: number;
  commission: number;
  orders: number;
  units: number;
  deliveredUnits: number;
  returnedUnits: number;
};
export const SELLER_DAY_KEYS = [
  "gross",
  "cancelled",
  "refunded",
  "commission",
  "orders",
  "units",
  "deliveredUnits",
  "returnedUnits",
] as const;

/**
 * One shop's rollup from `from` to `to` (one index range scan), added up per day, per Monday
 * week or month (`day` is the bucket's first day), or into one row (`total`).
 */
export function sellerDays(
  db: Database,
  sellerId: string,
  from: string,
  to: string,
  bucket: AnalyticsGranularity | "total" = "day",
) {
  const key = sql.raw(
    bucket === "total"
      ? "'total'"
      : bucket === "day"
        ? "day::text"
        : `date_trunc('${bucket}', day::timestamp)::date::text`,
  );
  return rowsOf<SellerDayRow>(
    db,
    sql`select ${key} as day, sum(gross)::float8 as gross, sum(cancelled)::float8 as cancelled,
          sum(refunded)::float8 as refunded, sum(commission)::float8 as commission, sum(orders)::int as orders,
          sum(units)::int as units, sum(delivered_units)::int as "deliveredUnits",
          sum(returned_units)::int as "returnedUnits"
        from analytics_seller_daily
        where seller_id = ${sellerId} and day between ${from}::date and ${to}::date
        group by 1`,
  );
}

/** Adds up rows whatever their dates (the buckets of one period). */
export function sumRows(rows: SellerDayRow[]): Record<(typeof SELLER_DAY_KEYS)[number], number> {
  const sum = Object.fromEntries(SELLER_DAY_KEYS.map((k) => [k, 0])) as Record<
    (typeof SELLER_DAY_KEYS)[number],
    number
  >;
  for (const r of rows) for (const k of SELLER_DAY_KEYS) sum[k] += r[k];
  return sum;
}
