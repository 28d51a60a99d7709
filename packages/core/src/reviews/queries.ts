import type { Database } from "@bazaar/db";
import type {
  MyReviewDto,
  ReviewDto,
  ReviewPhotoDto,
  ReviewProductDto,
  ReviewStatus,
  SellerReviewDto,
} from "@bazaar/schemas";
import { type SQL, sql } from "drizzle-orm";
import { rowsOf } from "../platform/raw-rows";

/** A review as read by every list here: the review, its author's name, photos and product. */
export type ReviewRow = {
  id: string;
  product_id: string;
  customer_id: string;
  seller_id: string;
  order_item_id: string | null;
  rating: number;
  title: string;
  body: string;
  status: ReviewStatus;
  helpful_count: number;
  seller_reply: string | null;
  seller_replied_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  /** created_at as PostgreSQL prints it, microseconds kept: what page cursors carry. */
  created_key: string;
  author_name: string;
  photos: ReviewPhotoDto[] | string;
  voted: boolean;
  product_slug: string;
  product_title: string;
  product_image: string | null;
};

/**
 * One statement for a page of reviews: photos in the order the author gave them (only media
 * rows that still exist), and whether `viewerId` voted. Reviews are aliased `r`; `where` and
 * `orderBy` are the caller's, built from constants and placeholders only.
 */
export type ReviewsQuery = {
  where: SQL;
  orderBy: SQL;
  limit: number;
  viewerId: string | null;
  /** Adds `pos`, the row's place in `orderBy`, for a caller that nests the query. */
  numbered?: boolean;
};

export const selectReviews = (db: Database, opts: ReviewsQuery): Promise<ReviewRow[]> =>
  rowsOf<ReviewRow>(db, reviewsSql(opts));

export function reviewsSql(opts: ReviewsQuery): SQL {
  const voted = opts.viewerId
    ? sql`exists (select 1 from review_votes v where v.review_id = r.id and v.user_id = ${opts.viewerId})`
    : sql`false`;
  return sql`
    select r.id, r.product_id, r.customer_id, r.seller_id, r.order_item_id, r.rating, r.title, r.body,
      r.status, r.helpful_count, r.seller_reply, r.seller_replied_at, r.created_at, r.updated_at,
      r.created_at::text as created_key, u.name as author_name, ${voted} as voted,
      ${opts.numbered ? sql`row_number() over (order by ${opts.orderBy}) as pos,` : sql``}
      (select coalesce(json_agg(json_build_object('mediaId', m.id, 'url', m.url) order by x.ord), '[]'::json)
         from jsonb_array_elements_text(r.photo_ids) with ordinality as x(media_id, ord)
         join media m on m.id = x.media_id::uuid) as photos,
      p.slug as product_slug, p.title as product_title,
      (select m.url from product_images pi join media m on m.id = pi.media_id
        where pi.product_id = p.id order by pi.position, pi.id limit 1) as product_image
    from reviews r
    join users u on u.id = r.customer_id
    join products p on p.id = r.product_id
    where ${opts.where}
    order by ${opts.orderBy}
    limit ${opts.limit}`;
}

/**
 * Published reviews of a public product counted by stars, in one statement: no row at all
 * when the product is not public, one row with a null rating when it has no reviews. The
 * count is a lateral subquery: joined flat, the planner sorted every review before grouping
 * (33 ms at 5,000 reviews against 3 ms).
 */
export const summarySql = (productId: string): SQL =>
  sql`select c.rating, coalesce(c.n, 0) as n
      from products p join sellers s on s.id = p.seller_id
      left join lateral (select r.rating, count(*)::int as n from reviews r
        where r.product_id = p.id and r.status = 'published' group by r.rating) c on true
      where p.id = ${productId} and p.status = 'approved' and s.status = 'approved'`;

/** "Anita Rao" → "Anita R.": enough to be a person, not enough to find them. */
export function authorName(full: string): string {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "Bazaar customer";
  const first = words[0]!;
  const last = words.length > 1 ? words[words.length - 1]! : "";
  return last ? `${first} ${[...last][0]!.toUpperCase()}.` : first;
}

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));

export function toReviewDto(r: ReviewRow, viewerId: string | null): ReviewDto {
  return {
    id: r.id,
    productId: r.product_id,
    rating: Number(r.rating),
    title: r.title,
    body: r.body,
    photos: typeof r.photos === "string" ? JSON.parse(r.photos) : r.photos,
    authorName: authorName(r.author_name),
    verifiedPurchase: r.order_item_id !== null,
    helpfulCount: Number(r.helpful_count),
    votedHelpful: Boolean(r.voted),
    mine: viewerId !== null && r.customer_id === viewerId,
    sellerReply:
      r.seller_reply !== null && r.seller_replied_at !== null
        ? { body: r.seller_reply, at: date(r.seller_replied_at) }
        : null,
    createdAt: date(r.created_at),
    updatedAt: date(r.updated_at),
  };
}

const productOf = (r: ReviewRow): ReviewProductDto => ({
  id: r.product_id,
  slug: r.product_slug,
  title: r.product_title,
  imageUrl: r.product_image,
});

export const toMyReviewDto = (r: ReviewRow, viewerId: string): MyReviewDto => ({
  ...toReviewDto(r, viewerId),
  status: r.status,
  product: productOf(r),
});

export function toSellerReviewDto(r: ReviewRow): SellerReviewDto {
  const { mine: _mine, votedHelpful: _voted, ...rest } = toReviewDto(r, null);
  return { ...rest, status: r.status, product: productOf(r) };
}

/** One review by id, in the author's shape; undefined when it is gone. */
export async function findMyReview(db: Database, reviewId: string, viewerId: string) {
  const [row] = await selectReviews(db, {
    where: sql`r.id = ${reviewId}`,
    orderBy: sql`r.id`,
    limit: 1,
    viewerId,
  });
  return row ? toMyReviewDto(row, viewerId) : undefined;
}
