import type { Database } from "@bazaar/db";
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

/** One shop's daily rollup rows from `from` to `to` (one index range scan). */
export function sellerDays(db: Database, sellerId: string, from: string, to: string) {
  return rowsOf<SellerDayRow>(
    db,
    sql`select day::text as day, gross::float8 as gross, cancelled::float8 as cancelled,
          refunded::float8 as refunded, commission::float8 as commission, orders, units,
          delivered_units as "deliveredUnits", returned_units as "returnedUnits"
        from analytics_seller_daily
        where seller_id = ${sellerId} and day between ${from}::date and ${to}::date`,
  );
}
