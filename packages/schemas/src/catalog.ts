import { z } from "zod";
import { Cursor, Id, PageInput, safeText } from "./common";
import type { SellerDto } from "./sellers";
import { Slug } from "./sellers";

export const ProductStatus = z.enum(["draft", "pending_review", "approved", "rejected", "archived"]);
export type ProductStatus = z.infer<typeof ProductStatus>;

/** Paise: a positive whole number, at most ₹1 crore. */
export const Paise = z
  .number()
  .int("Prices are whole paise")
  .positive("Must be more than zero")
  .max(1_000_000_000);
export const GstRateBps = z.union(
  [z.literal(0), z.literal(500), z.literal(1200), z.literal(1800), z.literal(2800)],
  {
    message: "GST rate is 0, 5, 12, 18 or 28% (0, 500, 1200, 1800 or 2800 basis points)",
  },
);
export const HsnCode = z
  .string()
  .trim()
  .regex(/^\d{4}(\d{2}){0,2}$/, "HSN code is 4, 6 or 8 digits");

// ---- categories ----------------------------------------------------------------------
export const CategoryInput = z.object({
  name: safeText("Name").min(1, "Name is required").max(80),
  slug: Slug.optional(),
  parentId: Id.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const CategoryUpdateInput = CategoryInput.partial().extend({ id: Id });
export type CategoryNode = {
  id: string;
  name: string;
  slug: string;
  position: number;
  parentId: string | null;
  children: CategoryNode[];
};

// ---- products (seller) -----------------------------------------------------------------
export const ProductOptionInput = z.object({
  name: safeText("Option name").min(1, "Option name is required").max(30),
  values: z.array(safeText("Option value").min(1).max(40)).min(1, "Give at least one value").max(50),
});

export const VariantInput = z
  .object({
    /** Present to update an existing variant; absent to add one. */
    id: Id.optional(),
    sku: z
      .string()
      .trim()
      .min(1, "SKU is required")
      .max(64)
      .regex(/^[A-Za-z0-9._-]+$/, "SKU uses letters, digits, dot, dash and underscore"),
    optionValues: z.record(safeText("Option name").max(30), safeText("Option value").max(40)).default({}),
    price: Paise,
    compareAtPrice: Paise.nullable().optional(),
    weightGrams: z.number().int().min(0).max(1_000_000).nullable().optional(),
    /** Initial stock for a new variant only; later changes go through adjustStock. */
    stock: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((v) => v.compareAtPrice == null || v.compareAtPrice > v.price, {
    message: "Compare-at price must be higher than the price",
    path: ["compareAtPrice"],
  });

/** The fields without defaults, so a partial update never "defaults" a field it did not send. */
const ProductFields = z.object({
  title: safeText("Title").min(3, "Title is at least 3 characters").max(150),
  description: safeText("Description", { multiline: true }).max(10_000),
  brand: safeText("Brand").max(80).nullable().optional(),
  categoryId: Id,
  attributes: z.record(safeText("Attribute name").max(40), safeText("Attribute value").max(200)),
  hsnCode: HsnCode.nullable().optional(),
  gstRateBps: GstRateBps,
  options: z.array(ProductOptionInput).max(3, "At most 3 options"),
  tags: z.array(safeText("Tag").toLowerCase().min(1).max(30)).max(20),
  imageIds: z.array(Id).max(10, "At most 10 images"),
  variants: z.array(VariantInput).min(1, "Add at least one variant").max(100),
});
export const ProductCreateInput = ProductFields.extend({
  description: ProductFields.shape.description.default(""),
  attributes: ProductFields.shape.attributes.default({}),
  gstRateBps: GstRateBps.default(1800),
  options: ProductFields.shape.options.default([]),
  tags: ProductFields.shape.tags.default([]),
  imageIds: ProductFields.shape.imageIds.default([]),
});
export type ProductCreateInput = z.input<typeof ProductCreateInput>;
export const ProductUpdateInput = ProductFields.partial().extend({ id: Id });
export type ProductUpdateInput = z.input<typeof ProductUpdateInput>;

export const AdjustStockInput = z.object({
  variantId: Id,
  delta: z
    .number()
    .int()
    .min(-1_000_000)
    .max(1_000_000)
    .refine((d) => d !== 0, "Change must not be zero"),
  reason: safeText("Reason", { multiline: true }).min(2, "Say why").max(200),
});
/** Sets a variant's stock to a count (a stock-take, an ERP's figure); the movement logged is the difference. */
export const SetStockInput = z.object({
  variantId: Id,
  stock: z.number().int().min(0, "Stock cannot be negative").max(1_000_000),
  reason: safeText("Reason", { multiline: true }).min(2, "Say why").max(200),
});
export const SellerProductsListInput = PageInput.extend({
  status: ProductStatus.optional(),
  q: safeText("Search").max(100).optional(),
});
export const InventoryLogInput = PageInput.extend({ productId: Id });
export const ModerationDecisionInput = z.object({
  productId: Id,
  reason: safeText("Reason", { multiline: true }).min(3).max(500).optional(),
});
export const ModerationRejectInput = z.object({
  productId: Id,
  reason: safeText("Reason", { multiline: true }).min(3, "Give a reason").max(500),
});
export const FeatureInput = z.object({ productId: Id, featured: z.boolean() });
export const ModerationQueueInput = PageInput;

// ---- browse (public) --------------------------------------------------------------------
export const ProductSort = z.enum([
  "relevance",
  "newest",
  "price_asc",
  "price_desc",
  "rating",
  "best_selling",
]);
export const ProductListInput = z
  .object({
    q: safeText("Search").max(100).optional(),
    category: Slug.optional(),
    seller: Slug.optional(),
    brand: z.array(safeText("Brand").max(80)).max(20).optional(),
    minPrice: z.number().int().min(0).optional(),
    maxPrice: z.number().int().min(0).optional(),
    minRating: z.number().min(0).max(5).optional(),
    inStock: z.boolean().optional(),
    featured: z.boolean().optional(),
    sort: ProductSort.default("relevance"),
    limit: z.number().int().min(1).max(60).default(20),
    cursor: Cursor.optional(),
  })
  .refine((v) => v.minPrice === undefined || v.maxPrice === undefined || v.minPrice <= v.maxPrice, {
    message: "Minimum price is above the maximum",
    path: ["minPrice"],
  });
export type ProductListInput = z.input<typeof ProductListInput>;
export const SuggestInput = z.object({
  q: safeText("Search").min(1).max(100),
  limit: z.number().int().min(1).max(10).default(8),
});
export const BySlugInput = z.object({ slug: safeText("Slug").min(1).max(200) });

// ---- DTOs ---------------------------------------------------------------------------------
export type ImageDto = { id: string; mediaId: string; url: string; position: number; alt: string | null };
export type VariantDto = {
  id: string;
  sku: string;
  optionValues: Record<string, string>;
  price: number;
  compareAtPrice: number | null;
  stock: number;
  weightGrams: number | null;
  position: number;
  /** Storefront only, while a sale runs on this variant: its price, and when the sale ends. */
  salePrice?: number | null;
  saleEndsAt?: Date | null;
};
export type ProductCardDto = {
  id: string;
  slug: string;
  title: string;
  brand: string | null;
  minPrice: number;
  maxPrice: number;
  compareAtPrice: number | null;
  currency: "INR";
  imageUrl: string | null;
  ratingAvg: number;
  ratingCount: number;
  inStock: boolean;
  seller: { slug: string; shopName: string };
};
export type ProductDetailDto = ProductCardDto & {
  description: string;
  category: { id: string; slug: string; name: string; path: { slug: string; name: string }[] };
  attributes: Record<string, string>;
  options: { name: string; values: string[] }[];
  variants: VariantDto[];
  images: ImageDto[];
  tags: string[];
  hsnCode: string | null;
  gstRateBps: number;
  /** Days after delivery the shop takes returns (0 = no returns): the shop's own or the platform default. */
  returnWindowDays: number;
  related: ProductCardDto[];
};
export type SellerProductDto = {
  id: string;
  slug: string;
  status: ProductStatus;
  statusReason: string | null;
  /** Set when an admin took the live product down (statusReason says why); cleared on re-approval. */
  takenDownAt: Date | null;
  title: string;
  description: string;
  brand: string | null;
  categoryId: string;
  attributes: Record<string, string>;
  hsnCode: string | null;
  gstRateBps: number;
  options: { name: string; values: string[] }[];
  tags: string[];
  featured: boolean;
  variants: VariantDto[];
  images: ImageDto[];
  /** An edit awaiting review (or rejected), shown beside the live version. */
  revision: {
    status: "pending_review" | "rejected";
    reason: string | null;
    title?: string;
    description?: string;
    categoryId?: string;
    images?: { mediaId: string; url: string }[];
  } | null;
  createdAt: Date;
  updatedAt: Date;
};
export type Facets = {
  categories: { slug: string; name: string; count: number }[];
  brands: { brand: string; count: number }[];
  priceBuckets: { min: number; max: number | null; count: number }[];
};
export type ProductListDto = {
  items: ProductCardDto[];
  nextCursor: string | null;
  facets: Facets;
  total: number;
  /**
   * A broad search counts (and facets) only its first 200 best candidates: true when more
   * matched, so `total` reads "200+".
   */
  totalIsLowerBound: boolean;
};
export type InventoryMovementDto = {
  id: string;
  variantId: string;
  sku: string;
  delta: number;
  reason: string;
  resultingStock: number;
  actor: string | null;
  createdAt: Date;
};
export type ModerationItemDto = {
  product: SellerProductDto;
  seller: Pick<SellerDto, "id" | "shopName" | "slug">;
  kind: "new" | "edit";
};
