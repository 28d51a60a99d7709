import { productVariants } from "@bazaar/db";
import { SetStockInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Deps, SellerActor } from "../platform/deps";
import { recordStockChange, stockChanged } from "./stock-change";

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
    if (delta === 0)
      return { variantId: input.variantId, stock: v.stock, changed: false, productId: v.productId };
    await tx
      .update(productVariants)
      .set({ stock: input.stock, updatedAt: now })
      .where(eq(productVariants.id, input.variantId));
    await recordStockChange(tx, actor, {
      action: "variant.stock_set",
      variantId: input.variantId,
      productId: v.productId,
      delta,
      resultingStock: input.stock,
      reason: input.reason,
      now,
    });
    return { variantId: input.variantId, stock: input.stock, changed: true, productId: v.productId };
  });
  if (result.changed) await stockChanged(deps, result.productId);
  return { variantId: result.variantId, stock: result.stock };
}
