import { type SQL, sql } from "drizzle-orm";

// What a variant costs now is the catalogue's answer, read by the storefront, cart, wishlist
// and checkout; promotions only writes the sale events it is computed from. Keeping the
// read here lets promotions build on catalog without catalog importing promotions.

/**
 * SQL for the sale price running on the variant `v` at `now`, or null. Sale windows of one
 * variant never overlap (the sale-event rules refuse it), but `min` keeps the answer
 * defined even if they did.
 */
export function runningSalePrice(variantId: SQL, now: Date | SQL): SQL {
  const at = instant(now);
  return sql`(select min(sei.sale_price) from sale_event_items sei
    join sale_events se on se.id = sei.sale_event_id
    where sei.variant_id = ${variantId} and se.cancelled_at is null
      and se.starts_at <= ${at}::timestamptz and se.ends_at > ${at}::timestamptz)`;
}

/** When the running sale on `v` ends, or null. */
export function runningSaleEnd(variantId: SQL, now: Date | SQL): SQL {
  const at = instant(now);
  return sql`(select min(se.ends_at) from sale_event_items sei
    join sale_events se on se.id = sei.sale_event_id
    where sei.variant_id = ${variantId} and se.cancelled_at is null
      and se.starts_at <= ${at}::timestamptz and se.ends_at > ${at}::timestamptz)`;
}

/** A moment as a parameter; or, for a statement prepared once, the placeholder that will hold it. */
const instant = (now: Date | SQL): SQL => (now instanceof Date ? sql`${now.toISOString()}` : now);
