import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { rowsOf } from "../platform/raw-rows";
import { addDays, istDate } from "./period";
import { MONTH_SUMS, SELLER_SUMS } from "./refresh-sales";

// The shop, product and category rollups are sharded so a day's concurrent checkouts do not
// queue on one row (refresh-sales.ts). Once the day is over nothing writes its rows but a late
// cancellation or return, and the shards only cost the readers rows (a two-year ranking would
// read up to eight per shop and month): so closed periods are folded back into shard 0.
// Readers add the shards up, so folding changes no figure. The product rollup is keyed by shop
// first with no index on the day alone, so it is not folded here (a shop's ranking reads only
// its own rows); the rebuild writes every closed period already folded.

type Rollup = { table: string; keys: string[]; period: string; figures: readonly string[] };

const SELLER_DAILY: Rollup = {
  table: "analytics_seller_daily",
  keys: ["seller_id", "day"],
  period: "day",
  figures: SELLER_SUMS,
};
const SELLER_MONTHLY: Rollup = {
  table: "analytics_seller_monthly",
  keys: ["seller_id", "month"],
  period: "month",
  figures: MONTH_SUMS,
};
const CATEGORY_DAILY: Rollup = {
  table: "analytics_category_daily",
  keys: ["day", "category_id"],
  period: "day",
  figures: ["revenue", "units"],
};
/**
 * Moves the figures of every shard but 0 of the periods `from`..`to` into shard 0, in one
 * statement. Rows are locked in key order (shard last), as the refresh locks them, so a late
 * cancellation refreshing the same rows waits instead of deadlocking; a refresh that finds its
 * row gone inserts it again (ON CONFLICT), and a later fold takes it. Returns the rows folded.
 */
async function fold(db: Database, r: Rollup, from: string, to: string): Promise<number> {
  const keys = r.keys.join(", ");
  const join = [...r.keys, "shard"].map((k) => `t.${k} = l.${k}`).join(" and ");
  const rows = await rowsOf<{ folded: number }>(
    db,
    sql`with locked as (
      select ${sql.raw(keys)}, shard from ${sql.raw(r.table)}
      where ${sql.raw(r.period)} between ${from}::date and ${to}::date and shard <> 0
      order by ${sql.raw(keys)}, shard for update
    ), moved as (
      delete from ${sql.raw(r.table)} t using locked l where ${sql.raw(join)}
      returning ${sql.raw(r.keys.map((k) => `t.${k}`).join(", "))}, ${sql.raw(r.figures.map((f) => `t.${f}`).join(", "))}
    ), folded as (
      insert into ${sql.raw(r.table)} (${sql.raw(keys)}, shard, ${sql.raw(r.figures.join(", "))})
      select ${sql.raw(keys)}, 0, ${sql.raw(r.figures.map((f) => `sum(${f})`).join(", "))} from moved
      group by ${sql.raw(keys)} order by ${sql.raw(keys)}
      on conflict (${sql.raw(keys)}, shard) do update set
        ${sql.raw(r.figures.map((f) => `${f} = ${r.table}.${f} + excluded.${f}`).join(", "))}
    )
    select count(*)::int as folded from moved`,
  );
  return rows[0]?.folded ?? 0;
}

/**
 * Part of the repeating sweep: folds yesterday and the day before (a checkout that began before
 * midnight may still commit after it), and last month. Cheap: it reads those periods through
 * the period's index. A straggler older than that (a return booked weeks later) keeps its row.
 */
export async function foldRecentRollupShards(db: Database, now: Date): Promise<number> {
  const today = istDate(now);
  const thisMonth = `${today.slice(0, 7)}-01`;
  const lastMonth = `${addDays(thisMonth, -1).slice(0, 7)}-01`;
  const from = addDays(today, -2);
  const to = addDays(today, -1);
  return (
    (await fold(db, SELLER_DAILY, from, to)) +
    (await fold(db, CATEGORY_DAILY, from, to)) +
    (await fold(db, SELLER_MONTHLY, lastMonth, lastMonth))
  );
}
