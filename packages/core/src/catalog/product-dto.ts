import { type Database, media, productImages, type products, productVariants } from "@bazaar/db";
import type { SellerProductDto, VariantDto } from "@bazaar/schemas";
import { and, asc, eq, inArray } from "drizzle-orm";

type ProductRow = typeof products.$inferSelect;

export const toVariantDto = (v: typeof productVariants.$inferSelect): VariantDto => ({
  id: v.id,
  sku: v.sku,
  optionValues: v.optionValues,
  price: v.price,
  compareAtPrice: v.compareAtPrice,
  stock: v.stock,
  weightGrams: v.weightGrams,
  position: v.position,
});

/** Seller-facing DTOs for many products in three queries, whatever their number. */
export async function loadSellerProducts(db: Database, rows: ProductRow[]): Promise<SellerProductDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const revisionMediaIds = rows.flatMap((r) => r.revision?.imageIds ?? []);
  // One query at a time: `db` may be a transaction, and a transaction is one connection.
  const variants = await db
    .select()
    .from(productVariants)
    .where(and(inArray(productVariants.productId, ids), eq(productVariants.active, true)))
    .orderBy(asc(productVariants.position), asc(productVariants.createdAt));
  const images = await db
    .select({ image: productImages, url: media.url })
    .from(productImages)
    .innerJoin(media, eq(media.id, productImages.mediaId))
    .where(inArray(productImages.productId, ids))
    .orderBy(asc(productImages.position));
  const revisionMedia = revisionMediaIds.length
    ? await db.select({ id: media.id, url: media.url }).from(media).where(inArray(media.id, revisionMediaIds))
    : [];
  const urlOf = new Map(revisionMedia.map((m) => [m.id, m.url]));
  return rows.map((p) => ({
    id: p.id,
    slug: p.slug,
    status: p.status,
    statusReason: p.statusReason,
    takenDownAt: p.takenDownAt,
    title: p.title,
    description: p.description,
    brand: p.brand,
    categoryId: p.categoryId,
    attributes: p.attributes,
    hsnCode: p.hsnCode,
    gstRateBps: p.gstRateBps,
    options: p.options,
    tags: p.tags,
    featured: p.featured,
    variants: variants.filter((v) => v.productId === p.id).map(toVariantDto),
    images: images
      .filter((i) => i.image.productId === p.id)
      .map((i) => ({
        id: i.image.id,
        mediaId: i.image.mediaId,
        url: i.url,
        position: i.image.position,
        alt: i.image.alt,
      })),
    revision:
      p.revision && p.revisionStatus
        ? {
            status: p.revisionStatus,
            reason: p.revisionReason,
            ...(p.revision.title !== undefined && { title: p.revision.title }),
            ...(p.revision.description !== undefined && { description: p.revision.description }),
            ...(p.revision.categoryId !== undefined && { categoryId: p.revision.categoryId }),
            ...(p.revision.imageIds && {
              images: p.revision.imageIds.map((id) => ({ mediaId: id, url: urlOf.get(id) ?? "" })),
            }),
          }
        : null,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  }));
}

export async function loadSellerProduct(db: Database, row: ProductRow): Promise<SellerProductDto> {
  return (await loadSellerProducts(db, [row]))[0]!;
}
