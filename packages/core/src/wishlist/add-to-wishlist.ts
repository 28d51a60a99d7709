import { products, sellers, wishlistItems } from "@bazaar/db";
import { WishlistAddInput } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { checkVariantOf } from "./queries";

/** Saving a product twice keeps one entry (with the latest variant choice). */
export async function addToWishlist(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: z.input<typeof WishlistAddInput>,
): Promise<{ productId: string }> {
  const input = WishlistAddInput.parse(raw);
  // Only what the storefront shows may be saved: a suspended shop's products are as hidden as drafts.
  const [product] = await deps.db
    .select({ id: products.id })
    .from(products)
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .where(
      and(eq(products.id, input.productId), eq(products.status, "approved"), eq(sellers.status, "approved")),
    );
  if (!product) throw notFound("product.not_found", "Product not found");
  if (input.variantId) await checkVariantOf(deps.db, input.productId, input.variantId);
  await deps.db
    .insert(wishlistItems)
    .values({
      userId: actor.userId,
      productId: input.productId,
      variantId: input.variantId ?? null,
      createdAt: deps.now(),
    })
    .onConflictDoUpdate({
      target: [wishlistItems.userId, wishlistItems.productId],
      set: { variantId: input.variantId ?? null },
    });
  return { productId: input.productId };
}
