import {
  type Database,
  inventoryMovements,
  type ProductRevision,
  productImages,
  products,
  productVariants,
} from "@bazaar/db";
import { ProductUpdateInput, type SellerProductDto } from "@bazaar/schemas";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import { invalidField, invalidState } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { afterImagesRemoved } from "./media-cleanup";
import { loadSellerProduct } from "./product-dto";
import {
  checkCategory,
  checkImages,
  checkSkusFree,
  checkVariants,
  deactivateOtherVariants,
  findOwnProductForUpdate,
  refreshDerived,
  reloadProduct,
  replaceImages,
} from "./product-rules";

/** Fields a moderator must see before customers do. */
const REVIEWED = ["title", "description", "categoryId", "imageIds"] as const;

type Changes = Omit<z.output<typeof ProductUpdateInput>, "id">;
type ProductRow = typeof products.$inferSelect;
type VariantInput = NonNullable<Changes["variants"]>[number];

/**
 * Edits a seller's product. On an approved product, changes to reviewed fields become a
 * pending revision and the live version stays on sale until a moderator approves them;
 * everything else (prices, variants, attributes…) applies at once. Existing variants keep
 * their stock: stock only moves through adjustStock, so every change is in the log.
 */
export async function updateProduct(
  deps: Deps,
  actor: SellerActor,
  raw: ProductUpdateInput,
): Promise<SellerProductDto> {
  const { id, ...input } = ProductUpdateInput.parse(raw);
  const now = deps.now();
  const removed: string[] = [];
  const dto = await deps.db.transaction(async (tx) => {
    const product = await findOwnProductForUpdate(tx, actor.sellerId, id);
    if (product.status === "archived")
      throw invalidState("product.archived", "Restore the product before editing it");
    if (input.categoryId) await checkCategory(tx, input.categoryId);
    if (input.imageIds) await checkImages(tx, actor.userId, input.imageIds);
    await checkVariantChanges(tx, actor, product, input);

    const changed = await reviewedChanges(tx, product, input);
    const live = liveChanges(input, now);
    // Images of a superseded revision may now be orphans; the deletion job keeps any still in use.
    if (product.revision?.imageIds) removed.push(...product.revision.imageIds);
    if (product.status === "approved") Object.assign(live, revisionChanges(product, input, changed));
    else {
      Object.assign(live, {
        ...(changed.title !== undefined && { title: changed.title }),
        ...(changed.description !== undefined && { description: changed.description }),
        ...(changed.categoryId !== undefined && { categoryId: changed.categoryId }),
      });
      if (changed.imageIds) removed.push(...(await replaceImages(tx, id, changed.imageIds)));
    }
    await tx.update(products).set(live).where(eq(products.id, id));

    if (input.variants) await saveVariants(tx, actor, id, input.variants, now);
    await refreshDerived(tx, id, now);
    // The fields sent, as they were on the live product and as asked (a live product's
    // reviewed fields wait as a revision: the action says which).
    const fields = (Object.keys(input) as (keyof typeof input)[]).filter(
      (k) => k !== "variants" && input[k] !== undefined,
    );
    const was = product as unknown as Record<string, unknown>;
    await audit(tx, {
      actorId: actor.userId,
      action: product.status === "approved" ? "product.revised" : "product.updated",
      targetType: "product",
      targetId: id,
      before: Object.fromEntries(fields.map((k) => [k, was[k] ?? null])),
      after: Object.fromEntries(fields.map((k) => [k, input[k]])),
      ...(input.variants && { data: { variants: input.variants } }),
    });
    return loadSellerProduct(tx, await reloadProduct(tx, id));
  });
  await deps.cache.bump("catalog");
  await afterImagesRemoved(deps, removed);
  return dto;
}

/**
 * New variants and options must fit together, and new SKUs be free. A variant removed
 * earlier and sent again with the same SKU gets its old id back (so it is that variant again).
 */
async function checkVariantChanges(tx: Database, actor: SellerActor, product: ProductRow, input: Changes) {
  const options = input.options ?? product.options;
  if (input.variants) {
    const existing = await tx
      .select({ id: productVariants.id, sku: productVariants.sku, active: productVariants.active })
      .from(productVariants)
      .where(eq(productVariants.productId, product.id));
    input.variants.forEach((v, i) => {
      if (v.id && !existing.some((e) => e.id === v.id)) {
        throw invalidField(
          `variants.${i}.id`,
          "variant.not_found",
          "This variant does not belong to the product",
        );
      }
      // A row removed earlier and added back with the same SKU is that variant again.
      v.id ??= existing.find((e) => !e.active && e.sku === v.sku)?.id;
    });
    checkVariants(options, input.variants);
    await checkSkusFree(tx, actor.sellerId, input.variants);
  } else if (input.options) {
    const current = await tx
      .select()
      .from(productVariants)
      .where(and(eq(productVariants.productId, product.id), eq(productVariants.active, true)));
    checkVariants(options, current);
  }
}

/** The reviewed fields this edit really changes, compared with the live product. */
async function reviewedChanges(tx: Database, product: ProductRow, input: Changes): Promise<ProductRevision> {
  const currentImages = (
    await tx
      .select({ mediaId: productImages.mediaId })
      .from(productImages)
      .where(eq(productImages.productId, product.id))
      .orderBy(asc(productImages.position))
  ).map((r) => r.mediaId);
  const changed: ProductRevision = {};
  if (input.title !== undefined && input.title !== product.title) changed.title = input.title;
  if (input.description !== undefined && input.description !== product.description)
    changed.description = input.description;
  if (input.categoryId !== undefined && input.categoryId !== product.categoryId)
    changed.categoryId = input.categoryId;
  if (input.imageIds !== undefined && JSON.stringify(input.imageIds) !== JSON.stringify(currentImages))
    changed.imageIds = input.imageIds;
  return changed;
}

/** Fields that never wait for a moderator. */
function liveChanges(input: Changes, now: Date): Partial<typeof products.$inferInsert> {
  return {
    ...(input.brand !== undefined && { brand: input.brand ?? null }),
    ...(input.attributes !== undefined && { attributes: input.attributes }),
    ...(input.hsnCode !== undefined && { hsnCode: input.hsnCode ?? null }),
    ...(input.gstRateBps !== undefined && { gstRateBps: input.gstRateBps }),
    ...(input.options !== undefined && { options: input.options }),
    ...(input.tags !== undefined && { tags: input.tags }),
    updatedAt: now,
  };
}

/**
 * An approved product's reviewed fields change through its pending revision: merged into
 * the proposal already waiting, and a field set back to its live value leaves it.
 */
function revisionChanges(
  product: ProductRow,
  input: Changes,
  changed: ProductRevision,
): Partial<typeof products.$inferInsert> {
  const touched = REVIEWED.filter((k) => input[k] !== undefined);
  if (touched.length === 0) return {};
  const next: Record<string, unknown> =
    product.revisionStatus === "pending_review" ? { ...product.revision } : {};
  for (const k of touched) {
    if (changed[k] !== undefined) next[k] = changed[k];
    else delete next[k];
  }
  return Object.keys(next).length > 0
    ? { revision: next as ProductRevision, revisionStatus: "pending_review" as const, revisionReason: null }
    : { revision: null, revisionStatus: null, revisionReason: null };
}

/**
 * The variants as given, in that order: existing ones updated (their stock untouched), new
 * ones created with their opening stock logged, and any not given deactivated.
 */
async function saveVariants(
  tx: Database,
  actor: SellerActor,
  productId: string,
  variants: VariantInput[],
  now: Date,
) {
  const keep: string[] = [];
  for (const [position, v] of variants.entries()) {
    const values = {
      sku: v.sku,
      optionValues: v.optionValues,
      price: v.price,
      compareAtPrice: v.compareAtPrice ?? null,
      weightGrams: v.weightGrams ?? null,
      position,
      active: true,
      updatedAt: now,
    };
    if (v.id) {
      await tx.update(productVariants).set(values).where(eq(productVariants.id, v.id));
      keep.push(v.id);
      continue;
    }
    const stock = v.stock ?? 0;
    const [row] = await tx
      .insert(productVariants)
      .values({ ...values, productId, sellerId: actor.sellerId, stock, createdAt: now })
      .returning({ id: productVariants.id });
    keep.push(row!.id);
    if (stock > 0) {
      await tx.insert(inventoryMovements).values({
        variantId: row!.id,
        productId,
        sellerId: actor.sellerId,
        actorId: actor.userId,
        delta: stock,
        reason: "initial stock",
        resultingStock: stock,
        createdAt: now,
      });
    }
  }
  await deactivateOtherVariants(tx, productId, keep);
}
