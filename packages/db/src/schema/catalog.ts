import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity";
import { media } from "./media";
import { sellers } from "./sellers";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const categories = pgTable(
  "categories",
  {
    id: uuid().primaryKey().defaultRandom(),
    parentId: uuid().references((): AnyPgColumn => categories.id, { onDelete: "restrict" }),
    name: text().notNull(),
    slug: text().notNull(),
    position: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("categories_slug_key").on(t.slug),
    index("categories_parent_idx").on(t.parentId, t.position),
  ],
);

export const productStatusEnum = pgEnum("product_status", [
  "draft",
  "pending_review",
  "approved",
  "rejected",
  "archived",
]);
export const revisionStatusEnum = pgEnum("revision_status", ["pending_review", "rejected"]);

export type ProductOption = { name: string; values: string[] };
/** An edit to a live product awaiting review: the live columns stay as they are until approved. */
export type ProductRevision = {
  title?: string;
  description?: string;
  categoryId?: string;
  /** Ordered media ids. */
  imageIds?: string[];
};

export const products = pgTable(
  "products",
  {
    id: uuid().primaryKey().defaultRandom(),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    slug: text().notNull(),
    status: productStatusEnum().notNull().default("draft"),
    statusReason: text(),
    title: text().notNull(),
    description: text().notNull().default(""),
    brand: text(),
    categoryId: uuid()
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    attributes: jsonb().$type<Record<string, string>>().notNull().default({}),
    hsnCode: text(),
    /** GST in basis points: 0, 500, 1200, 1800 or 2800. */
    gstRateBps: integer().notNull().default(1800),
    options: jsonb().$type<ProductOption[]>().notNull().default([]),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    featured: boolean().notNull().default(false),
    revision: jsonb().$type<ProductRevision>(),
    revisionStatus: revisionStatusEnum(),
    revisionReason: text(),
    // Derived from the variants by the catalog code on every variant change, for fast listing.
    minPrice: integer(),
    maxPrice: integer(),
    totalStock: integer().notNull().default(0),
    ratingAvg: doublePrecision().notNull().default(0),
    ratingCount: integer().notNull().default(0),
    soldCount: integer().notNull().default(0),
    // What a product card shows beyond the row itself, kept by triggers on product_variants
    // and product_images (migration 0027) so a listing page reads no other table per card:
    // the compare-at price of the cheapest active variant, and the first image's URL. Stock
    // updates (checkout) do not touch them.
    cardCompareAtPrice: integer(),
    cardImageUrl: text(),
    searchVector: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(brand, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')`,
    ),
    approvedAt: timestamp({ withTimezone: true }),
    /** Set when an admin unlisted the live product over a report (status rejected, reason in statusReason); cleared on approval. */
    takenDownAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("products_slug_key").on(t.slug),
    index("products_seller_idx").on(t.sellerId, t.status),
    index("products_status_category_idx").on(t.status, t.categoryId),
    index("products_status_price_idx").on(t.status, t.minPrice),
    index("products_status_created_idx").on(t.status, t.createdAt),
    index("products_moderation_idx").on(t.status, t.revisionStatus),
    // Storefront pages read only approved products: partial indexes in each sort order
    // turn a category page or a sorted listing from a scan into an index walk.
    index("products_public_category_price_idx")
      .on(t.categoryId, t.minPrice, t.id)
      .where(sql`${t.status} = 'approved'`),
    index("products_public_category_sold_idx")
      .on(t.categoryId, t.soldCount, t.id)
      .where(sql`${t.status} = 'approved'`),
    index("products_public_popular_idx")
      .on(t.featured, t.soldCount, t.id)
      .where(sql`${t.status} = 'approved'`),
    index("products_public_rating_idx")
      .on(t.ratingAvg, t.ratingCount, t.id)
      .where(sql`${t.status} = 'approved'`),
    // A category page in the other sorts: walked in order within the category instead of
    // walking the whole sort order and skipping other categories' rows.
    index("products_public_category_created_idx")
      .on(t.categoryId, t.createdAt, t.id)
      .where(sql`${t.status} = 'approved'`),
    index("products_public_category_popular_idx")
      .on(t.categoryId, t.featured, t.soldCount, t.id)
      .where(sql`${t.status} = 'approved'`),
    index("products_public_category_rating_idx")
      .on(t.categoryId, t.ratingAvg, t.ratingCount, t.id)
      .where(sql`${t.status} = 'approved'`),
    index("products_search_idx").using("gin", t.searchVector).with({ gin_pending_list_limit: 64 }),
    // Title words alone, for a search's first candidates: a broad word matches thousands of
    // products, and the ones that have it in the title outrank the rest (search.ts).
    index("products_public_title_search_idx")
      .using("gin", sql`to_tsvector('english', ${t.title})`)
      .with({ gin_pending_list_limit: 64 })
      .where(sql`${t.status} = 'approved'`),
    // A category's (or subtree's) total and facets read from the index alone (an index-only
    // scan): the price for the buckets, the brand and the seller whose status decides
    // whether the product is public.
    index("products_public_category_facets_idx")
      .on(t.categoryId, t.minPrice, t.brand, t.sellerId)
      .where(sql`${t.status} = 'approved' and ${t.minPrice} is not null`),
    index("products_title_trgm_idx")
      .using("gin", sql`${t.title} gin_trgm_ops`)
      .with({ gin_pending_list_limit: 64 }),
    check("products_gst_rate", sql`${t.gstRateBps} in (0, 500, 1200, 1800, 2800)`),
  ],
);

/**
 * The words of product titles and brands (lower case, three characters or more), for
 * typo-tolerant search: a misspelt word of a query is matched against this short list
 * through its trigram index, and the few nearest words join the full-text query, so a typo
 * costs a look-up in the vocabulary instead of a similarity scan over every product.
 * Filled by a trigger on products (migration 0015); words are never removed (a word no
 * product has any more only adds a term that matches nothing).
 */
export const searchWords = pgTable("search_words", { word: text().primaryKey() }, (t) => [
  index("search_words_trgm_idx").using("gin", sql`${t.word} gin_trgm_ops`),
]);

/**
 * Units sold (or, negative, put back by a cancellation) not yet added to products.sold_count.
 * sold_count sits in four listing indexes, so moving it on every order made each order's
 * products update non-HOT: a new entry in all of products' indexes (three GIN among them)
 * for every product bought. Checkout appends here instead (no index, no key), and the
 * repeating `catalog.fold-sold` job adds the sums to the products every few seconds, so the
 * best-selling order lags by that much; stock and prices stay exact per order.
 */
export const productSoldPending = pgTable("product_sold_pending", {
  productId: uuid().notNull(),
  sold: integer().notNull(),
});

export const productVariants = pgTable(
  "product_variants",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    sku: text().notNull(),
    optionValues: jsonb().$type<Record<string, string>>().notNull().default({}),
    /** Paise. */
    price: integer().notNull(),
    compareAtPrice: integer(),
    stock: integer().notNull().default(0),
    weightGrams: integer(),
    position: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("product_variants_seller_sku_key").on(t.sellerId, t.sku),
    // A catalog import refuses a SKU another shop uses: found by SKU alone, not by a scan.
    index("product_variants_sku_idx").on(t.sku),
    index("product_variants_product_idx").on(t.productId, t.position),
    check("product_variants_stock_nonneg", sql`${t.stock} >= 0`),
    check("product_variants_price_positive", sql`${t.price} > 0`),
    check(
      "product_variants_compare_at",
      sql`${t.compareAtPrice} is null or ${t.compareAtPrice} > ${t.price}`,
    ),
  ],
);

export const productImages = pgTable(
  "product_images",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    mediaId: uuid()
      .notNull()
      .references(() => media.id, { onDelete: "restrict" }),
    position: integer().notNull().default(0),
    alt: text(),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.position)],
);

/** Every stock change: who, why, by how much, and the level it left. */
export const inventoryMovements = pgTable(
  "inventory_movements",
  {
    id: uuid().primaryKey().defaultRandom(),
    variantId: uuid()
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    delta: integer().notNull(),
    reason: text().notNull(),
    resultingStock: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("inventory_movements_variant_idx").on(t.variantId, t.createdAt),
    index("inventory_movements_product_idx").on(t.productId, t.createdAt),
  ],
);
