import {
  BySlugInput,
  DEFAULT_RETURN_WINDOW_DAYS,
  type ProductDetailDto,
  type VariantDto,
} from "@bazaar/schemas";
import { type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../../errors";
import { DEFAULT_RETURN_WINDOW_KEY } from "../../sellers";
import { runningSaleEnd, runningSalePrice } from "../sale-prices";
import { productTag } from "../storefront-cache";
import {
  type BrowseDeps,
  CACHE_NS,
  type CardRow,
  cardColumns,
  fromPublic,
  preparedRows,
  publicWhere,
  TTL,
  toCard,
} from "./queries";

export const RELATED_LIMIT = 8;

/**
 * One statement for the whole product page: the product and seller, active variants,
 * images, the category's path from the root, and related cards, the nested parts as JSON.
 * One round trip whatever the page holds; the benchmark's bare route runs it as is.
 */
export function detailQuery(slug: string, now: Date): SQL {
  return sql`
    select ${cardColumns}, p.description, p.attributes, p.options, p.tags, p.hsn_code, p.gst_rate_bps,
      p.category_id,
      coalesce(s.return_window_days,
        (select case when jsonb_typeof(st.value) = 'number' then (st.value #>> '{}')::int end
          from settings st where st.key = ${DEFAULT_RETURN_WINDOW_KEY}),
        ${DEFAULT_RETURN_WINDOW_DAYS}) as return_window_days,
      (select coalesce(json_agg(json_build_object(
          'id', v.id, 'sku', v.sku, 'optionValues', v.option_values, 'price', v.price,
          'compareAtPrice', v.compare_at_price, 'stock', v.stock, 'weightGrams', v.weight_grams,
          'position', v.position,
          'salePrice', ${runningSalePrice(sql`v.id`, now)},
          'saleEndsAt', ${runningSaleEnd(sql`v.id`, now)}) order by v.position, v.created_at, v.id), '[]'::json)
        from product_variants v where v.product_id = p.id and v.active) as variants,
      (select coalesce(json_agg(json_build_object(
          'id', pi.id, 'mediaId', pi.media_id, 'url', m.url, 'position', pi.position, 'alt', pi.alt)
          order by pi.position, pi.id), '[]'::json)
        from product_images pi join media m on m.id = pi.media_id where pi.product_id = p.id) as images,
      (with recursive up as (
          select c.id, c.parent_id, c.slug, c.name, 0 as depth from categories c where c.id = p.category_id
          union all
          select c.id, c.parent_id, c.slug, c.name, up.depth + 1 from categories c join up on c.id = up.parent_id
        )
        select json_agg(json_build_object('id', id, 'slug', slug, 'name', name) order by depth desc) from up
      ) as category_path,
      (select coalesce(json_agg(row_to_json(r)), '[]'::json) from (
          select ${cardColumns} from ${fromPublic}
          where ${publicWhere} and p.slug <> ${slug}
            and p.category_id = (select category_id from products where slug = ${slug})
          order by p.sold_count desc, p.id desc
          limit ${RELATED_LIMIT}
        ) r) as related
    from ${fromPublic}
    where p.slug = ${slug} and ${publicWhere}`;
}

type DetailRow = CardRow & {
  description: string;
  attributes: Record<string, string>;
  options: { name: string; values: string[] }[];
  tags: string[];
  hsn_code: string | null;
  gst_rate_bps: number;
  category_id: string;
  return_window_days: number;
  variants: (Omit<VariantDto, "saleEndsAt"> & { saleEndsAt: string | null })[];
  images: ProductDetailDto["images"];
  category_path: { id: string; slug: string; name: string }[];
  related: CardRow[];
};

/**
 * A public product page by slug. Missing, unapproved, archived and suspended-seller
 * products are all simply not found.
 */
export async function productBySlug(
  deps: BrowseDeps,
  raw: z.input<typeof BySlugInput>,
): Promise<ProductDetailDto> {
  const { slug } = BySlugInput.parse(raw);
  const dto = await deps.cache.wrap(
    CACHE_NS,
    `product:${slug}`,
    TTL.detail,
    async () => {
      const [row] = await preparedRows<DetailRow>(
        deps.db,
        "catalog_product_detail",
        detailQuery(slug, deps.now()),
      );
      return row ? toDetail(row) : null;
    },
    // The page shows the product's stock and its related products' cards.
    { tagsOf: (d) => (d ? [d.id, ...d.related.map((r) => r.id)].map(productTag) : []) },
  );
  if (!dto) throw notFound("product.not_found", "This product is not available");
  return dto;
}

function toDetail(r: DetailRow): ProductDetailDto {
  const path = r.category_path ?? [];
  const category = path.at(-1) ?? { id: r.category_id, slug: "", name: "" };
  // The card's compare-at price is the cheapest variant's, as on listing cards.
  const cheapest = [...r.variants].sort((a, b) => a.price - b.price || a.position - b.position)[0];
  return {
    ...toCard(r),
    compareAtPrice: cheapest?.compareAtPrice ?? null,
    description: r.description,
    category: { ...category, path: path.map(({ slug, name }) => ({ slug, name })) },
    attributes: r.attributes,
    options: r.options,
    variants: r.variants.map((v) => ({ ...v, saleEndsAt: v.saleEndsAt ? new Date(v.saleEndsAt) : null })),
    images: r.images,
    tags: r.tags,
    hsnCode: r.hsn_code,
    gstRateBps: r.gst_rate_bps,
    returnWindowDays: r.return_window_days,
    related: r.related.map(toCard),
  };
}
