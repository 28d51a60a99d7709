import { saleEventItems } from "@bazaar/db";
import { eq } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { refreshSaleProducts } from "./sale-rules";

/** Job: a sale just started or ended. Idempotent: it recomputes from the truth of the moment. */
export async function applySaleBoundary(deps: Pick<Deps, "db" | "now" | "cache">, saleEventId: string) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const items = await tx
      .select({ variantId: saleEventItems.variantId })
      .from(saleEventItems)
      .where(eq(saleEventItems.saleEventId, saleEventId));
    await refreshSaleProducts(
      tx,
      items.map((i) => i.variantId),
      now,
    );
  });
  await deps.cache.bump("catalog");
}
