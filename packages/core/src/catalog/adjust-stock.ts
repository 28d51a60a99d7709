import { inventoryMovements, productVariants } from "@bazaar/db";
import { AdjustStockInput } from "@bazaar/schemas";
import { and, eq, gte, sql } from "drizzle-orm";
import type { z } from "zod";
import { invalidState, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { refreshDerived } from "./product-rules";

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
    await tx.insert(inventoryMovements).values({
      variantId: input.variantId,
      productId: row.productId,
      sellerId: actor.sellerId,
      actorId: actor.userId,
      delta: input.delta,
      reason: input.reason,
      resultingStock: row.stock,
      createdAt: now,
    });
    await refreshDerived(tx, row.productId, now);
    await audit(tx, {
      actorId: actor.userId,
      action: "variant.stock_adjusted",
      targetType: "variant",
      targetId: input.variantId,
      before: { stock: row.stock - input.delta },
      after: { stock: row.stock },
      data: { productId: row.productId, delta: input.delta, reason: input.reason },
    });
    return { variantId: input.variantId, stock: row.stock };
  });
  await deps.cache.bump("catalog");
  return result;
}
