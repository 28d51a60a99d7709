import { randomBytes } from "node:crypto";
import { type Database, products, productVariants, sellers, wishlistItems, wishlistShares } from "@bazaar/db";
import {
  type Page,
  PageInput,
  SharedWishlistInput,
  WishlistAddInput,
  type WishlistItemDto,
  WishlistMoveInput,
  WishlistRemoveInput,
  type WishlistStatusDto,
  WishlistStatusInput,
} from "@bazaar/schemas";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { addCartItem } from "../cart/add-cart-item";
import type { CartResult } from "../cart/get-cart";
import { rowsOf } from "../catalog/browse/queries";
import { invalidField, notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, encodeCursor } from "../platform/pagination";
import { runningSalePrice } from "../promotions/sale-prices";

type Row = {
  product_id: string;
  slug: string;
  title: string;
  image_url: string | null;
  variant_id: string | null;
  price: number | null;
  regular_price: number | null;
  in_stock: boolean;
  available: boolean;
  created_at: string | Date;
};

/** Current price and stock for each saved product: the chosen variant's, else the cheapest. */
function itemsQuery(userId: string, now: Date, limit: number, cursor?: { createdAt: Date; id: string }) {
  return sql`select w.product_id, p.slug, p.title, w.variant_id, w.created_at,
      (select m.url from product_images pi join media m on m.id = pi.media_id
        where pi.product_id = p.id order by pi.position, pi.id limit 1) as image_url,
      v.price as regular_price,
      least(v.price, coalesce(${runningSalePrice(sql`v.id`, now)}, v.price)) as price,
      coalesce(v.stock, 0) > 0 as in_stock,
      (p.status = 'approved' and s.status = 'approved' and v.id is not null) as available
    from wishlist_items w
    join products p on p.id = w.product_id
    join sellers s on s.id = p.seller_id
    left join lateral (
      select pv.id, pv.price, pv.stock from product_variants pv
      where pv.product_id = p.id and pv.active and (w.variant_id is null or pv.id = w.variant_id)
      order by pv.price, pv.position limit 1
    ) v on true
    where w.user_id = ${userId}
      ${cursor ? sql`and (w.created_at, w.product_id) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id})` : sql``}
    order by w.created_at desc, w.product_id desc
    limit ${limit}`;
}

const toDto = (r: Row): WishlistItemDto => ({
  productId: r.product_id,
  slug: r.slug,
  title: r.title,
  imageUrl: r.image_url,
  variantId: r.variant_id,
  price: r.price,
  regularPrice: r.regular_price,
  inStock: r.in_stock,
  available: r.available,
  addedAt: new Date(r.created_at),
});

async function listFor(db: Database, userId: string, now: Date, raw: z.input<typeof PageInput>) {
  const input = PageInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const rows = await rowsOf<Row>(db, itemsQuery(userId, now, input.limit + 1, cursor));
  const items = rows.slice(0, input.limit).map(toDto);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ createdAt: last.addedAt, id: last.productId })
        : null,
  };
}

export async function listWishlist(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: z.input<typeof PageInput> = {},
): Promise<Page<WishlistItemDto>> {
  return listFor(deps.db, actor.userId, deps.now(), raw);
}

async function checkVariantOf(db: Database, productId: string, variantId: string) {
  const [v] = await db
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(and(eq(productVariants.id, variantId), eq(productVariants.productId, productId)));
  if (!v)
    throw invalidField("variantId", "wishlist.variant_mismatch", "That variant is not part of this product");
}

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

export async function removeFromWishlist(
  deps: Pick<Deps, "db">,
  actor: Actor,
  raw: z.input<typeof WishlistRemoveInput>,
): Promise<{ removed: boolean }> {
  const input = WishlistRemoveInput.parse(raw);
  const gone = await deps.db
    .delete(wishlistItems)
    .where(and(eq(wishlistItems.userId, actor.userId), eq(wishlistItems.productId, input.productId)))
    .returning({ id: wishlistItems.productId });
  return { removed: gone.length > 0 };
}

/**
 * Puts a saved product in the cart and takes it off the list. Which variant: the one
 * given, else the one saved, else the only one; a product with several needs a choice.
 */
export async function moveWishlistToCart(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: z.input<typeof WishlistMoveInput>,
): Promise<CartResult> {
  const input = WishlistMoveInput.parse(raw);
  const [saved] = await deps.db
    .select({ variantId: wishlistItems.variantId })
    .from(wishlistItems)
    .where(and(eq(wishlistItems.userId, actor.userId), eq(wishlistItems.productId, input.productId)));
  if (!saved) throw notFound("wishlist.item_not_found", "That product is not in your wishlist");
  // Else another product would land in the cart while this one left the list.
  if (input.variantId) await checkVariantOf(deps.db, input.productId, input.variantId);
  let variantId = input.variantId ?? saved.variantId;
  if (!variantId) {
    const variants = await deps.db
      .select({ id: productVariants.id })
      .from(productVariants)
      .where(and(eq(productVariants.productId, input.productId), eq(productVariants.active, true)))
      .limit(2);
    if (variants.length !== 1)
      throw invalidField("variantId", "wishlist.choose_variant", "Choose a size or colour first");
    variantId = variants[0]!.id;
  }
  const result = await addCartItem(deps, { userId: actor.userId }, { variantId, qty: input.qty });
  await removeFromWishlist(deps, actor, { productId: input.productId });
  return result;
}

/** Which of `productIds` the customer saved, and their live share token, in two indexed reads. */
export async function wishlistStatus(
  deps: Pick<Deps, "db">,
  actor: Actor,
  raw: z.input<typeof WishlistStatusInput> = {},
): Promise<WishlistStatusDto> {
  const { productIds } = WishlistStatusInput.parse(raw);
  const [saved, share] = await Promise.all([
    productIds.length
      ? deps.db
          .select({ id: wishlistItems.productId })
          .from(wishlistItems)
          .where(and(eq(wishlistItems.userId, actor.userId), inArray(wishlistItems.productId, productIds)))
      : Promise.resolve([]),
    deps.db
      .select({ token: wishlistShares.token })
      .from(wishlistShares)
      .where(eq(wishlistShares.userId, actor.userId)),
  ]);
  return { saved: saved.map((r) => r.id), shareToken: share[0]?.token ?? null };
}

/** A public link to the wishlist; the same link until revoked. */
export async function shareWishlist(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
): Promise<{ token: string }> {
  await deps.db
    .insert(wishlistShares)
    .values({ userId: actor.userId, token: randomBytes(18).toString("base64url"), createdAt: deps.now() })
    .onConflictDoNothing();
  const [row] = await deps.db
    .select({ token: wishlistShares.token })
    .from(wishlistShares)
    .where(eq(wishlistShares.userId, actor.userId));
  return { token: row!.token };
}

export async function unshareWishlist(deps: Pick<Deps, "db">, actor: Actor): Promise<{ revoked: boolean }> {
  const gone = await deps.db
    .delete(wishlistShares)
    .where(eq(wishlistShares.userId, actor.userId))
    .returning();
  return { revoked: gone.length > 0 };
}

/** A shared wishlist as anyone sees it: products only, nothing about its owner. */
export async function sharedWishlist(
  deps: Pick<Deps, "db" | "now">,
  raw: z.input<typeof SharedWishlistInput>,
): Promise<Page<WishlistItemDto>> {
  const { token, ...pageInput } = SharedWishlistInput.parse(raw);
  const [share] = await deps.db.select().from(wishlistShares).where(eq(wishlistShares.token, token));
  if (!share) throw notFound("wishlist.not_found", "This wishlist link is not valid");
  const page = await listFor(deps.db, share.userId, deps.now(), pageInput);
  return { ...page, items: page.items.filter((i) => i.available) };
}
