import { categories, type Database, media, productImages, products, productVariants } from "@bazaar/db";
import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { DomainError, invalidField, notFound } from "../errors";
import { runningSalePrice } from "./sale-prices";

type Option = { name: string; values: string[] };
type VariantIn = { sku: string; optionValues: Record<string, string>; id?: string };

/**
 * Variants must spell out exactly the product's options, with allowed values, and no two
 * variants may be the same combination or share a SKU. All problems are reported at once,
 * each against its own field, so the editor can mark every bad cell.
 */
export function checkVariants(options: Option[], variants: VariantIn[]): void {
  const fieldErrors: Record<string, string[]> = {};
  const add = (path: string, msg: string) => {
    fieldErrors[path] = [...(fieldErrors[path] ?? []), msg];
  };
  const names = options.map((o) => o.name);
  if (new Set(names.map((n) => n.toLowerCase())).size !== names.length)
    add("options", "Option names must be different");
  if (options.length === 0 && variants.length > 1)
    add("options", "Add an option (such as size) to tell variants apart");
  const combos = new Set<string>();
  const skus = new Set<string>();
  variants.forEach((v, i) => {
    const keys = Object.keys(v.optionValues);
    for (const o of options) {
      const value = v.optionValues[o.name];
      if (value === undefined) add(`variants.${i}.optionValues.${o.name}`, `Choose a ${o.name}`);
      else if (!o.values.includes(value))
        add(`variants.${i}.optionValues.${o.name}`, `${value} is not one of the ${o.name} values`);
    }
    for (const k of keys)
      if (!names.includes(k)) add(`variants.${i}.optionValues.${k}`, `${k} is not an option of this product`);
    const combo = JSON.stringify(options.map((o) => v.optionValues[o.name]));
    if (combos.has(combo)) add(`variants.${i}.optionValues`, "Another variant has the same options");
    combos.add(combo);
    const sku = v.sku.toLowerCase();
    if (skus.has(sku)) add(`variants.${i}.sku`, "SKU is used twice");
    skus.add(sku);
  });
  if (Object.keys(fieldErrors).length > 0) {
    throw new DomainError("VALIDATION", "product.invalid_variants", "Some variants are not valid", {
      fieldErrors,
    });
  }
}

/** SKUs are unique per seller: name the clashing rows instead of letting the index throw. */
export async function checkSkusFree(db: Database, sellerId: string, variants: VariantIn[]) {
  // An inactive variant's SKU can only come back through that variant (matched by the caller).
  const skus = variants.map((v) => v.sku);
  if (skus.length === 0) return;
  const taken = await db
    .select({ sku: productVariants.sku, id: productVariants.id })
    .from(productVariants)
    .where(and(eq(productVariants.sellerId, sellerId), inArray(productVariants.sku, skus)));
  const fieldErrors: Record<string, string[]> = {};
  variants.forEach((v, i) => {
    if (taken.some((t) => t.sku === v.sku && t.id !== v.id)) {
      fieldErrors[`variants.${i}.sku`] = ["You already use this SKU on another variant"];
    }
  });
  if (Object.keys(fieldErrors).length > 0) {
    throw new DomainError("VALIDATION", "product.sku_taken", "Some SKUs are already in use", { fieldErrors });
  }
}

export async function checkCategory(db: Database, categoryId: string) {
  const [c] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId));
  if (!c) throw invalidField("categoryId", "category.not_found", "Category not found");
}

/** Images must be the seller's own uploads. */
export async function checkImages(db: Database, ownerUserId: string, imageIds: string[]) {
  if (imageIds.length === 0) return;
  if (new Set(imageIds).size !== imageIds.length)
    throw invalidField("imageIds", "product.duplicate_image", "An image is listed twice");
  const rows = await db
    .select({ id: media.id })
    .from(media)
    .where(and(inArray(media.id, imageIds), eq(media.ownerId, ownerUserId)));
  if (rows.length !== imageIds.length)
    throw invalidField("imageIds", "media.not_found", "Some images were not found among your uploads");
}

/** Replaces the product's images with `imageIds` in order; returns the media ids no longer used. */
export async function replaceImages(db: Database, productId: string, imageIds: string[]): Promise<string[]> {
  const before = await db
    .select({ mediaId: productImages.mediaId })
    .from(productImages)
    .where(eq(productImages.productId, productId));
  await db.delete(productImages).where(eq(productImages.productId, productId));
  if (imageIds.length) {
    await db
      .insert(productImages)
      .values(imageIds.map((mediaId, position) => ({ productId, mediaId, position })));
  }
  return before.map((b) => b.mediaId).filter((id) => !imageIds.includes(id));
}

/**
 * Recomputes the listing fields the browse queries filter and sort on; `soldDelta` moves
 * the sold count in the same statement (checkout holds this row's lock until it commits,
 * so one statement instead of two matters under a rush on one product).
 */
export async function refreshDerived(db: Database, productId: string, now: Date, soldDelta = 0) {
  // The storefront lists and sorts by what a unit costs now, so a running sale counts.
  await db.execute(sql`
    update ${products} set
      min_price = v.min_price, max_price = v.max_price, total_stock = v.total_stock, updated_at = ${now},
      sold_count = greatest(${products.soldCount} + ${soldDelta}, 0)
    from (
      select min(effective) as min_price, max(effective) as max_price, coalesce(sum(stock), 0)::int as total_stock
      from (
        select least(pv.price, coalesce(${runningSalePrice(sql`pv.id`, now)}, pv.price)) as effective, pv.stock
        from ${productVariants} pv where pv.product_id = ${productId} and pv.active
      ) e
    ) v
    where ${products.id} = ${productId}`);
}

/** Marks variants left out of an edit inactive (orders may still point at them). */
export async function deactivateOtherVariants(db: Database, productId: string, keepIds: string[]) {
  await db
    .update(productVariants)
    .set({ active: false })
    .where(
      and(
        eq(productVariants.productId, productId),
        keepIds.length ? notInArray(productVariants.id, keepIds) : undefined,
      ),
    );
}

export async function reloadProduct(db: Database, id: string) {
  const [row] = await db.select().from(products).where(eq(products.id, id));
  return row!;
}

/**
 * The seller's own product, locked for the rest of the transaction. Another seller's id
 * is indistinguishable from a missing one.
 */
export async function findOwnProductForUpdate(db: Database, sellerId: string, id: string) {
  const [row] = await db
    .select()
    .from(products)
    .where(and(eq(products.id, id), eq(products.sellerId, sellerId)))
    .for("update");
  if (!row) throw notFound("product.not_found", "Product not found");
  return row;
}
