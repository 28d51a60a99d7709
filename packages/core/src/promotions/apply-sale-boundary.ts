import { sql } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { refreshProductsOf } from "./sale-rules";

/**
 * Job: a sale just started or ended. Idempotent: it recomputes from the truth of the moment.
 * Two statements however many products the sale covers: lock them in id order, refresh them.
 */
export async function applySaleBoundary(deps: Pick<Deps, "db" | "now" | "cache">, saleEventId: string) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    await refreshProductsOf(
      tx,
      sql`select pv.product_id from sale_event_items sei
        join product_variants pv on pv.id = sei.variant_id
        where sei.sale_event_id = ${saleEventId}`,
      now,
    );
  });
  await deps.cache.bump("catalog");
}
