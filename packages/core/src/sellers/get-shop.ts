import { media, products, sellers } from "@bazaar/db";
import { ShopBySlugInput, type ShopDto } from "@bazaar/schemas";
import { and, count, eq } from "drizzle-orm";
import { notFound } from "../errors";
import type { Deps } from "../platform/deps";

/**
 * Public shop page: approved shops only, so a pending, rejected or suspended shop is
 * indistinguishable from none. Cached with the catalogue, whose version every seller
 * status or profile change bumps.
 */
export async function getShopBySlug(
  deps: Pick<Deps, "db" | "cache">,
  raw: ShopBySlugInput,
): Promise<ShopDto> {
  const input = ShopBySlugInput.parse(raw);
  const shop = await deps.cache.wrap(
    "catalog",
    `shop:${input.slug}`,
    60,
    async (): Promise<ShopDto | null> => {
      const [s] = await deps.db
        .select({
          id: sellers.id,
          shopName: sellers.shopName,
          slug: sellers.slug,
          description: sellers.description,
          logoUrl: media.url,
          ratingAvg: sellers.ratingAvg,
          ratingCount: sellers.ratingCount,
          since: sellers.createdAt,
        })
        .from(sellers)
        .leftJoin(media, eq(media.id, sellers.logoMediaId))
        .where(and(eq(sellers.slug, input.slug), eq(sellers.status, "approved")));
      if (!s) return null;
      const [c] = await deps.db
        .select({ n: count() })
        .from(products)
        .where(and(eq(products.sellerId, s.id), eq(products.status, "approved")));
      return { ...s, productCount: c?.n ?? 0 };
    },
  );
  if (!shop) throw notFound("shop.not_found", "Shop not found");
  return shop;
}
