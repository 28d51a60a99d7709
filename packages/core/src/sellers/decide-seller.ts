import { sellers, users } from "@bazaar/db";
import type { SellerDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { invalidState, notFound } from "../errors";
import { dispatchEmails, notify, publishNotified, queueEmail, shopDecisionNotice } from "../notifications";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { findSellerDto } from "./queries";
import { canDecide, type SellerDecision, sellerDecisions } from "./transitions";

/**
 * One admin decision on a seller, under a row lock so two admins deciding at once cannot
 * both pass the state check. The audit row and the applicant's email commit with the
 * change; the email is sent, and the catalogue cache bumped, only after the commit.
 */
export async function decideSeller(
  deps: Deps,
  actor: Actor,
  decision: SellerDecision,
  input: { sellerId: string; reason?: string },
): Promise<SellerDto> {
  const rule = sellerDecisions[decision];
  const now = deps.now();
  const { emailId, notified } = await deps.db.transaction(async (tx) => {
    const [ref] = await tx
      .select({ userId: sellers.userId })
      .from(sellers)
      .where(eq(sellers.id, input.sellerId));
    if (!ref) throw notFound("seller.not_found", "Seller not found");
    // Lock the account, then the shop: the order applying uses, so the two cannot deadlock.
    const [user] = await tx.select().from(users).where(eq(users.id, ref.userId)).for("update");
    const [seller] = await tx.select().from(sellers).where(eq(sellers.id, input.sellerId)).for("update");
    if (!user || !seller) throw notFound("seller.not_found", "Seller not found");
    if (!canDecide(decision, seller.status)) {
      throw invalidState("seller.invalid_transition", `Cannot ${decision} a seller who is ${seller.status}`, {
        from: seller.status,
        decision,
      });
    }
    await tx
      .update(sellers)
      .set({ status: rule.to, statusReason: input.reason ?? null, decidedAt: now, updatedAt: now })
      .where(eq(sellers.id, seller.id));
    // Seller procedures need the role as well as an approved shop. Only a customer is
    // promoted: an account that is already a seller (or an admin) keeps its role.
    if (decision === "approve" && user.role === "customer") {
      await tx.update(users).set({ role: "seller", updatedAt: now }).where(eq(users.id, user.id));
    }
    await audit(tx, {
      actorId: actor.userId,
      action: `seller.${decision}`,
      targetType: "seller",
      targetId: seller.id,
      before: { status: seller.status },
      after: { status: rule.to },
      ...(input.reason && { data: { reason: input.reason } }),
    });
    const emailId = await queueEmail(tx, {
      to: user.email,
      template: rule.template,
      payload: {
        name: user.name,
        shopName: seller.shopName,
        reason: input.reason ?? "",
        url: deps.urls.seller,
      },
    });
    const notified = await notify(tx, shopDecisionNotice(user.id, decision, seller.shopName, input.reason));
    return { emailId, notified };
  });
  await dispatchEmails(deps, [emailId]);
  await publishNotified(deps, notified);
  if (rule.affectsStorefront) await deps.cache.bump("catalog");
  return (await findSellerDto(deps.db, eq(sellers.id, input.sellerId)))!;
}
