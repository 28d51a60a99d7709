import { products } from "@bazaar/db";
import { IdInput, type SellerProductDto } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import { notFound } from "../errors";
import type { Deps, SellerActor } from "../platform/deps";
import { loadSellerProduct } from "./product-dto";

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
