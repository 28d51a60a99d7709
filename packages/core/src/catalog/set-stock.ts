import { inventoryMovements, productVariants } from "@bazaar/db";
import { SetStockInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { refreshDerived } from "./product-rules";

/**
 * Sets a variant's stock to a count, as a stock-take or a warehouse system reports it. The
 * variant is locked (NO KEY UPDATE, as checkout takes it) so the difference logged is the
 * change actually made even while orders come in; setting the count it already has changes
 * and logs nothing, so a sync that repeats itself is harmless.
 */
export async function setStock(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof SetStockInput>,
): Promise<{ variantId: string; stock: number }> {
  const input = SetStockInput.parse(raw);
  const now = deps.now();
  const result = await deps.db.transaction(async (tx) => {
    const [v] = await tx
      .select({ stock: productVariants.stock, productId: productVariants.productId })
      .from(productVariants)
      .where(and(eq(productVariants.id, input.variantId), eq(productVariants.sellerId, actor.sellerId)))
      .for("no key update");
    if (!v) throw notFound("variant.not_found", "Variant not found");
    const delta = input.stock - v.stock;
    if (delta === 0) return { variantId: input.variantId, stock: v.stock, changed: false };
    await tx
      .update(productVariants)
      .set({ stock: input.stock, updatedAt: now })
      .where(eq(productVariants.id, input.variantId));
    await tx.insert(inventoryMovements).values({
      variantId: input.variantId,
      productId: v.productId,
      sellerId: actor.sellerId,
      actorId: actor.userId,
      delta,
      reason: input.reason,
      resultingStock: input.stock,
      createdAt: now,
    });
    await refreshDerived(tx, v.productId, now);
    await audit(tx, {
      actorId: actor.userId,
      action: "variant.stock_set",
      targetType: "variant",
      targetId: input.variantId,
      before: { stock: v.stock },
      after: { stock: input.stock },
      data: { productId: v.productId, delta, reason: input.reason },
    });
    return { variantId: input.variantId, stock: input.stock, changed: true };
  });
  if (result.changed) await deps.cache.bump("catalog");
  return { variantId: result.variantId, stock: result.stock };
}
