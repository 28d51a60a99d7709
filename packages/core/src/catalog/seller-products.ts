import { inventoryMovements, products, productVariants, users } from "@bazaar/db";
import {
  IdInput,
  InventoryLogInput,
  type InventoryMovementDto,
  type Page,
  type SellerProductDto,
  SellerProductsListInput,
} from "@bazaar/schemas";
import { and, desc, eq, ilike, lt, or } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Deps, SellerActor } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { loadSellerProduct, loadSellerProducts } from "./product-dto";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listSellerProducts(
  deps: Deps,
  actor: SellerActor,
  raw: z.input<typeof SellerProductsListInput>,
): Promise<Page<SellerProductDto>> {
  const input = SellerProductsListInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const rows = await deps.db
    .select()
    .from(products)
    .where(
      and(
        eq(products.sellerId, actor.sellerId),
        input.status ? eq(products.status, input.status) : undefined,
        input.q ? ilike(products.title, `%${escapeLike(input.q)}%`) : undefined,
        cursor
          ? or(
              lt(products.createdAt, cursor.createdAt),
              and(eq(products.createdAt, cursor.createdAt), lt(products.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(products.createdAt), desc(products.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return { items: await loadSellerProducts(deps.db, p.items), nextCursor: p.nextCursor };
}

export async function getSellerProduct(
  deps: Deps,
  actor: SellerActor,
  raw: IdInput,
): Promise<SellerProductDto> {
  const { id } = IdInput.parse(raw);
  const [row] = await deps.db
    .select()
    .from(products)
    .where(and(eq(products.id, id), eq(products.sellerId, actor.sellerId)));
  if (!row) throw notFound("product.not_found", "Product not found");
  return loadSellerProduct(deps.db, row);
}

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
