import { products, sellers } from "@bazaar/db";
import { type ModerationItemDto, ModerationQueueInput, type Page } from "@bazaar/schemas";
import { and, asc, eq, gt, or } from "drizzle-orm";
import type { z } from "zod";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, encodeCursor } from "../platform/pagination";
import { loadSellerProducts } from "./product-dto";

const awaitingReview = or(
  eq(products.status, "pending_review"),
  eq(products.revisionStatus, "pending_review"),
);

/** New products and edits to live ones, oldest first, so nothing waits forever. */
export async function moderationQueue(
  deps: Deps,
  _actor: Actor,
  raw: z.input<typeof ModerationQueueInput>,
): Promise<Page<ModerationItemDto>> {
  const input = ModerationQueueInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const rows = await deps.db
    .select({ product: products, seller: { id: sellers.id, shopName: sellers.shopName, slug: sellers.slug } })
    .from(products)
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .where(
      and(
        awaitingReview,
        cursor
          ? or(
              gt(products.updatedAt, cursor.createdAt),
              and(eq(products.updatedAt, cursor.createdAt), gt(products.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(products.updatedAt), asc(products.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const dtos = await loadSellerProducts(
    deps.db,
    items.map((r) => r.product),
  );
  const last = items.at(-1);
  return {
    items: items.map((r, i) => ({
      product: dtos[i]!,
      seller: r.seller,
      kind: r.product.status === "pending_review" ? "new" : "edit",
    })),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ createdAt: last.product.updatedAt, id: last.product.id })
        : null,
  };
}
