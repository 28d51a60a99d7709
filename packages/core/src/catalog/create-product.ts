import { inventoryMovements, products, productVariants } from "@bazaar/db";
import { ProductCreateInput, type SellerProductDto } from "@bazaar/schemas";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { productSlug } from "../platform/text";
import { loadSellerProduct } from "./product-dto";
import {
  checkCategory,
  checkImages,
  checkSkusFree,
  checkVariants,
  refreshDerived,
  reloadProduct,
  replaceImages,
} from "./product-rules";

/** A new product starts as a draft; the seller submits it for review when ready. */
export async function createProduct(
  deps: Deps,
  actor: SellerActor,
  raw: ProductCreateInput,
): Promise<SellerProductDto> {
  const input = ProductCreateInput.parse(raw);
  checkVariants(input.options, input.variants);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await checkCategory(tx, input.categoryId);
    await checkImages(tx, actor.userId, input.imageIds);
    await checkSkusFree(tx, actor.sellerId, input.variants);
    const [product] = await tx
      .insert(products)
      .values({
        sellerId: actor.sellerId,
        slug: productSlug(input.title),
        title: input.title,
        description: input.description,
        brand: input.brand ?? null,
        categoryId: input.categoryId,
        attributes: input.attributes,
        hsnCode: input.hsnCode ?? null,
        gstRateBps: input.gstRateBps,
        options: input.options,
        tags: input.tags,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const variants = await tx
      .insert(productVariants)
      .values(
        input.variants.map((v, position) => ({
          productId: product!.id,
          sellerId: actor.sellerId,
          sku: v.sku,
          optionValues: v.optionValues,
          price: v.price,
          compareAtPrice: v.compareAtPrice ?? null,
          weightGrams: v.weightGrams ?? null,
          stock: v.stock ?? 0,
          position,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning();
    const stocked = variants.filter((v) => v.stock > 0);
    if (stocked.length) {
      await tx.insert(inventoryMovements).values(
        stocked.map((v) => ({
          variantId: v.id,
          productId: product!.id,
          sellerId: actor.sellerId,
          actorId: actor.userId,
          delta: v.stock,
          reason: "initial stock",
          resultingStock: v.stock,
          createdAt: now,
        })),
      );
    }
    await replaceImages(tx, product!.id, input.imageIds);
    await refreshDerived(tx, product!.id, now);
    await audit(tx, {
      actorId: actor.userId,
      action: "product.created",
      targetType: "product",
      targetId: product!.id,
      before: null,
      after: {
        title: product!.title,
        status: product!.status,
        categoryId: product!.categoryId,
        variants: variants.map((v) => ({ id: v.id, sku: v.sku, price: v.price, stock: v.stock })),
      },
    });
    return loadSellerProduct(tx, await reloadProduct(tx, product!.id));
  });
}
