import { products } from "@bazaar/db";
import { type Page, type SellerProductDto, SellerProductsListInput } from "@bazaar/schemas";
import { and, desc, eq, ilike, lt, or } from "drizzle-orm";
import type { z } from "zod";
import type { Deps, SellerActor } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { loadSellerProducts } from "./product-dto";

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
