import { products, productVariants } from "@bazaar/db";
import { IdInput, type ProductStatus, type SellerProductDto } from "@bazaar/schemas";
import { and, count, eq } from "drizzle-orm";
import { invalidState } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, SellerActor } from "../platform/deps";
import { loadSellerProduct } from "./product-dto";
import { findOwnProductForUpdate, reloadProduct } from "./product-rules";

/** Seller-driven status moves; moderation decisions are approve-product.ts and reject-product.ts. */
const sellerMoves: Record<"submit" | "archive" | "restore", { from: ProductStatus[]; to: ProductStatus }> = {
  submit: { from: ["draft", "rejected"], to: "pending_review" },
  archive: { from: ["approved"], to: "archived" },
  restore: { from: ["archived"], to: "approved" },
};

/** Moves the seller's own product by one of their moves, if its status allows it. */
export async function moveProductStatus(
  deps: Deps,
  actor: SellerActor,
  raw: IdInput,
  action: keyof typeof sellerMoves,
): Promise<SellerProductDto> {
  const { id } = IdInput.parse(raw);
  const rule = sellerMoves[action];
  const dto = await deps.db.transaction(async (tx) => {
    const p = await findOwnProductForUpdate(tx, actor.sellerId, id);
    if (!rule.from.includes(p.status)) {
      throw invalidState(
        "product.invalid_transition",
        `A ${p.status.replace("_", " ")} product cannot be ${action === "submit" ? "submitted" : `${action}d`}`,
        {
          from: p.status,
          action,
        },
      );
    }
    if (action === "submit") {
      const [{ n } = { n: 0 }] = await tx
        .select({ n: count() })
        .from(productVariants)
        .where(and(eq(productVariants.productId, id), eq(productVariants.active, true)));
      if (n === 0) throw invalidState("product.no_variants", "Add at least one variant before submitting");
    }
    await tx
      .update(products)
      .set({ status: rule.to, statusReason: null, updatedAt: deps.now() })
      .where(eq(products.id, id));
    await audit(tx, {
      actorId: actor.userId,
      action: `product.${action === "submit" ? "submitted" : `${action}d`}`,
      targetType: "product",
      targetId: id,
      before: { status: p.status, statusReason: p.statusReason },
      after: { status: rule.to, statusReason: null },
    });
    return loadSellerProduct(tx, await reloadProduct(tx, id));
  });
  await deps.cache.bump("catalog");
  return dto;
}
