import { products, sellers } from "@bazaar/db";
import {
  FeatureInput,
  ModerationDecisionInput,
  type ModerationItemDto,
  ModerationQueueInput,
  ModerationRejectInput,
  type Page,
  type SellerProductDto,
} from "@bazaar/schemas";
import { and, asc, eq, gt, inArray, or } from "drizzle-orm";
import type { z } from "zod";
import { invalidState, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, encodeCursor } from "../platform/pagination";
import { afterImagesRemoved } from "./media-cleanup";
import { loadSellerProduct, loadSellerProducts } from "./product-dto";
import { reloadProduct, replaceImages } from "./product-rules";

const awaitingReview = or(
  eq(products.status, "pending_review"),
  eq(products.revisionStatus, "pending_review"),
);

/** New products and edits to live ones, oldest first, so nothing waits forever. */
export async function moderationQueue(
  deps: Deps,
  _actor: Actor,
  raw: z.input<typeof ModerationQueueInput>,
): Promise<Page<ModerationItemDto>> {
  const input = ModerationQueueInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const rows = await deps.db
    .select({ product: products, seller: { id: sellers.id, shopName: sellers.shopName, slug: sellers.slug } })
    .from(products)
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .where(
      and(
        awaitingReview,
        cursor
          ? or(
              gt(products.updatedAt, cursor.createdAt),
              and(eq(products.updatedAt, cursor.createdAt), gt(products.id, cursor.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(products.updatedAt), asc(products.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const dtos = await loadSellerProducts(
    deps.db,
    items.map((r) => r.product),
  );
  const last = items.at(-1);
  return {
    items: items.map((r, i) => ({
      product: dtos[i]!,
      seller: r.seller,
      kind: r.product.status === "pending_review" ? "new" : "edit",
    })),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ createdAt: last.product.updatedAt, id: last.product.id })
        : null,
  };
}

async function lockForReview(tx: Deps["db"], id: string) {
  const [p] = await tx.select().from(products).where(eq(products.id, id)).for("update");
  if (!p) throw notFound("product.not_found", "Product not found");
  if (p.status !== "pending_review" && p.revisionStatus !== "pending_review") {
    throw invalidState("product.not_awaiting_review", "This product has nothing awaiting review");
  }
  return p;
}

/**
 * Approves a new product (it goes live) or a pending edit (the revision replaces the
 * live fields in one transaction; images it dropped are deleted from the store later).
 */
export async function approveProduct(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof ModerationDecisionInput>,
): Promise<SellerProductDto> {
  const input = ModerationDecisionInput.parse(raw);
  const now = deps.now();
  let removed: string[] = [];
  const dto = await deps.db.transaction(async (tx) => {
    const p = await lockForReview(tx, input.productId);
    if (p.status === "pending_review") {
      await tx
        .update(products)
        .set({ status: "approved", statusReason: null, approvedAt: now, updatedAt: now })
        .where(eq(products.id, p.id));
    } else {
      const r = p.revision ?? {};
      if (r.imageIds) removed = await replaceImages(tx, p.id, r.imageIds);
      await tx
        .update(products)
        .set({
          ...(r.title !== undefined && { title: r.title }),
          ...(r.description !== undefined && { description: r.description }),
          ...(r.categoryId !== undefined && { categoryId: r.categoryId }),
          revision: null,
          revisionStatus: null,
          revisionReason: null,
          updatedAt: now,
        })
        .where(eq(products.id, p.id));
    }
    await audit(tx, {
      actorId: actor.userId,
      action: p.status === "pending_review" ? "product.approved" : "product.revision_approved",
      targetType: "product",
      targetId: p.id,
      data: input.reason ? { note: input.reason } : undefined,
    });
    return loadSellerProduct(tx, await reloadProduct(tx, p.id));
  });
  await deps.cache.bump("catalog");
  await afterImagesRemoved(deps, removed);
  return dto;
}

/** Rejects a new product, or only the pending edit of a live one (the live version stays). */
export async function rejectProduct(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof ModerationRejectInput>,
): Promise<SellerProductDto> {
  const input = ModerationRejectInput.parse(raw);
  const now = deps.now();
  const dto = await deps.db.transaction(async (tx) => {
    const p = await lockForReview(tx, input.productId);
    if (p.status === "pending_review") {
      await tx
        .update(products)
        .set({ status: "rejected", statusReason: input.reason, updatedAt: now })
        .where(eq(products.id, p.id));
    } else {
      await tx
        .update(products)
        .set({ revisionStatus: "rejected", revisionReason: input.reason, updatedAt: now })
        .where(eq(products.id, p.id));
    }
    await audit(tx, {
      actorId: actor.userId,
      action: p.status === "pending_review" ? "product.rejected" : "product.revision_rejected",
      targetType: "product",
      targetId: p.id,
      data: { reason: input.reason },
    });
    return loadSellerProduct(tx, await reloadProduct(tx, p.id));
  });
  await deps.cache.bump("catalog");
  return dto;
}

export async function setFeatured(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof FeatureInput>,
): Promise<{ ok: true }> {
  const input = FeatureInput.parse(raw);
  const [row] = await deps.db
    .update(products)
    .set({ featured: input.featured, updatedAt: deps.now() })
    .where(and(eq(products.id, input.productId), inArray(products.status, ["approved"])))
    .returning({ id: products.id });
  if (!row) throw notFound("product.not_found", "No approved product with this id");
  await audit(deps.db, {
    actorId: actor.userId,
    action: input.featured ? "product.featured" : "product.unfeatured",
    targetType: "product",
    targetId: row.id,
  });
  await deps.cache.bump("catalog");
  return { ok: true };
}
