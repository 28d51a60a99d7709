import { productVariants } from "@bazaar/db";
import { AdjustStockInput } from "@bazaar/schemas";
import { and, eq, gte, sql } from "drizzle-orm";
import type { z } from "zod";
import { invalidState, notFound } from "../errors";
import type { Deps, SellerActor } from "../platform/deps";
import { recordStockChange, stockChanged } from "./stock-change";

/**
 * Moves stock by `delta` in one conditional update, so concurrent adjustments (and, later,
 * checkouts) can never take it below zero, and logs the movement with the level it left.
 */
export async function adjustStock(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof AdjustStockInput>,
): Promise<{ variantId: string; stock: number }> {
  const input = AdjustStockInput.parse(raw);
  const now = deps.now();
  const result = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(productVariants)
      .set({ stock: sql`${productVariants.stock} + ${input.delta}`, updatedAt: now })
      .where(
        and(
          eq(productVariants.id, input.variantId),
          eq(productVariants.sellerId, actor.sellerId),
          gte(sql`${productVariants.stock} + ${input.delta}`, 0),
        ),
      )
      .returning({ stock: productVariants.stock, productId: productVariants.productId });
    if (!row) {
      const [v] = await tx
        .select({ stock: productVariants.stock })
        .from(productVariants)
        .where(and(eq(productVariants.id, input.variantId), eq(productVariants.sellerId, actor.sellerId)));
      if (!v) throw notFound("variant.not_found", "Variant not found");
      throw invalidState(
        "stock.would_go_negative",
        `Only ${v.stock} in stock; cannot remove ${-input.delta}`,
        { stock: v.stock },
      );
    }
    await recordStockChange(tx, actor, {
      action: "variant.stock_adjusted",
      variantId: input.variantId,
      productId: row.productId,
      delta: input.delta,
      resultingStock: row.stock,
      reason: input.reason,
      now,
    });
    return { variantId: input.variantId, stock: row.stock, productId: row.productId };
  });
  await stockChanged(deps, result.productId);
  return { variantId: result.variantId, stock: result.stock };
}
