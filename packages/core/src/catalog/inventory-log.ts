import { inventoryMovements, productVariants, users } from "@bazaar/db";
import { InventoryLogInput, type InventoryMovementDto, type Page } from "@bazaar/schemas";
import { and, desc, eq, lt, or } from "drizzle-orm";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { getSellerProduct } from "./get-seller-product";

export async function inventoryLog(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof InventoryLogInput>,
): Promise<Page<InventoryMovementDto>> {
  const input = InventoryLogInput.parse(raw);
  await getSellerProduct(deps, actor, { id: input.productId });
  const cursor = decodeCursor(input.cursor);
  const rows = await deps.db
    .select({
      id: inventoryMovements.id,
      variantId: inventoryMovements.variantId,
      sku: productVariants.sku,
      delta: inventoryMovements.delta,
      reason: inventoryMovements.reason,
      resultingStock: inventoryMovements.resultingStock,
      actor: users.name,
      createdAt: inventoryMovements.createdAt,
    })
    .from(inventoryMovements)
    .innerJoin(productVariants, eq(productVariants.id, inventoryMovements.variantId))
    .leftJoin(users, eq(users.id, inventoryMovements.actorId))
    .where(
      and(
        eq(inventoryMovements.productId, input.productId),
        cursor
          ? or(
              lt(inventoryMovements.createdAt, cursor.createdAt),
              and(eq(inventoryMovements.createdAt, cursor.createdAt), lt(inventoryMovements.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(inventoryMovements.createdAt), desc(inventoryMovements.id))
    .limit(input.limit + 1);
  return page(rows, input.limit);
}
