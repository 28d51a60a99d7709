import { products, sellers, users } from "@bazaar/db";
import { ProductTakeDownInput, type SellerProductDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { invalidState, notFound } from "../errors";
import { dispatchEmails, queueEmail } from "../notifications";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { loadSellerProduct } from "./product-dto";
import { reloadProduct } from "./product-rules";

/**
 * An admin takes a live product off the storefront (a report, or on their own): it becomes
 * `rejected` with the reason, which the seller sees with `takenDownAt`, and the shop stays
 * open. The seller appeals the ordinary way, by editing and resubmitting (rejected →
 * pending_review); approval clears `takenDownAt`. A pending edit is not reviewed any more:
 * it is marked rejected too, so it does not sit in the moderation queue of a product that
 * is off sale (the seller can still see or discard it).
 *
 * Called by the reports queue inside its own transaction (`deps.db` a transaction, its
 * jobs and cache held until that commits); the nested transaction is then a savepoint.
 */
export async function takeDownProduct(
  deps: Deps,
  actor: Actor,
  raw: ProductTakeDownInput,
): Promise<SellerProductDto> {
  const input = ProductTakeDownInput.parse(raw);
  const now = deps.now();
  const { dto, emailId } = await deps.db.transaction(async (tx) => {
    const [p] = await tx.select().from(products).where(eq(products.id, input.productId)).for("update");
    if (!p) throw notFound("product.not_found", "Product not found");
    // Only what is on sale can be taken down; a second takedown finds it rejected already.
    if (p.status !== "approved") {
      throw invalidState(
        "product.not_live",
        `Only a live product can be taken down; this one is ${p.status.replace("_", " ")}`,
        {
          status: p.status,
        },
      );
    }
    const pendingEdit = p.revisionStatus === "pending_review";
    await tx
      .update(products)
      .set({
        status: "rejected",
        statusReason: input.reason,
        takenDownAt: now,
        ...(pendingEdit && {
          revisionStatus: "rejected" as const,
          revisionReason: "The product was taken down",
        }),
        updatedAt: now,
      })
      .where(eq(products.id, p.id));
    await audit(tx, {
      actorId: actor.userId,
      action: "product.taken_down",
      targetType: "product",
      targetId: p.id,
      data: {
        reason: input.reason,
        before: {
          status: p.status,
          statusReason: p.statusReason,
          takenDownAt: p.takenDownAt,
          revisionStatus: p.revisionStatus,
        },
        after: {
          status: "rejected",
          statusReason: input.reason,
          takenDownAt: now,
          revisionStatus: pendingEdit ? "rejected" : p.revisionStatus,
        },
      },
    });
    const [owner] = await tx
      .select({ email: users.email, name: users.name, shopName: sellers.shopName })
      .from(sellers)
      .innerJoin(users, eq(users.id, sellers.userId))
      .where(eq(sellers.id, p.sellerId));
    const emailId = owner
      ? await queueEmail(tx, {
          to: owner.email,
          template: "product_taken_down",
          payload: {
            name: owner.name,
            shopName: owner.shopName,
            title: p.title,
            reason: input.reason,
            url: `${deps.urls.seller}/products/${p.id}`,
          },
        })
      : null;
    return { dto: await loadSellerProduct(tx, await reloadProduct(tx, p.id)), emailId };
  });
  if (emailId) await dispatchEmails(deps, [emailId]);
  await deps.cache.bump("catalog");
  return dto;
}
