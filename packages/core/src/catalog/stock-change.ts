import type { Database } from "@bazaar/db";
import { inventoryMovements } from "@bazaar/db";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { refreshDerived } from "./product-rules";
import { invalidateProducts } from "./storefront-cache";

/**
 * What every seller stock change writes after moving the variant's count, in its transaction:
 * the inventory log line, the product's derived totals and the audit entry.
 */
export async function recordStockChange(
  tx: Database,
  actor: SellerActor,
  c: {
    action: "variant.stock_set" | "variant.stock_adjusted";
    variantId: string;
    productId: string;
    delta: number;
    resultingStock: number;
    reason: string;
    now: Date;
  },
): Promise<void> {
  await tx.insert(inventoryMovements).values({
    variantId: c.variantId,
    productId: c.productId,
    sellerId: actor.sellerId,
    actorId: actor.userId,
    delta: c.delta,
    reason: c.reason,
    resultingStock: c.resultingStock,
    createdAt: c.now,
  });
  await refreshDerived(tx, c.productId, c.now);
  await audit(tx, {
    actorId: actor.userId,
    action: c.action,
    targetType: "variant",
    targetId: c.variantId,
    before: { stock: c.resultingStock - c.delta },
    after: { stock: c.resultingStock },
    data: { productId: c.productId, delta: c.delta, reason: c.reason },
  });
}

/**
 * After commit: only the storefront entries that can show this product's stock or its derived
 * price go, so a warehouse system syncing counts all day does not empty the catalogue cache.
 */
export const stockChanged = (deps: Pick<Deps, "cache">, productId: string) =>
  invalidateProducts(deps, { productIds: [productId], stock: true, price: true });
