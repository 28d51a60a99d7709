import type { ReportAction, ReportTargetType } from "@bazaar/schemas";
import { takeDownProduct } from "../catalog";
import { invalidField, notFound } from "../errors";
import { setMessageHidden } from "../messaging";
import type { Actor, Deps } from "../platform/deps";
import { setAnswerStatus, setQuestionStatus } from "../questions";
import { setReviewStatus } from "../reviews";
import { suspendSeller } from "../sellers";
import { contentStatus, productState, shopOfTarget, shopState } from "./targets";

type Target = { type: ReportTargetType; id: string };
/** What the action changed, for the audit row: the target's state before and after. */
export type ActionEffect = { before: Record<string, unknown>; after: Record<string, unknown> };

const HIDEABLE = ["review", "question", "answer", "message"] as const;
type Hideable = (typeof HIDEABLE)[number];
const isHideable = (t: ReportTargetType): t is Hideable => (HIDEABLE as readonly string[]).includes(t);

/** Publishes or hides a review, question, answer or message through the domain that owns it. */
export async function setContentStatus(
  deps: Deps,
  type: Hideable,
  id: string,
  status: "published" | "hidden",
) {
  if (type === "review") return setReviewStatus(deps, id, status);
  if (type === "question") return setQuestionStatus(deps, id, status);
  if (type === "message") return setMessageHidden(deps, id, status === "hidden");
  return setAnswerStatus(deps, id, status);
}

/**
 * Carries out an admin's decision on the reported target. `deps.db` is the decision's
 * transaction: every change commits with the case, or none does. Each change goes through
 * the domain that owns the target (reviews, questions, catalog, sellers).
 */
export async function applyAction(
  deps: Deps,
  actor: Actor,
  target: Target,
  action: ReportAction,
  note: string,
): Promise<ActionEffect> {
  switch (action) {
    case "dismiss":
      return { before: {}, after: {} };
    case "hide": {
      if (!isHideable(target.type))
        throw invalidField(
          "action",
          "report.action_not_applicable",
          `A ${target.type} cannot be hidden; ${target.type === "product" ? "unlist it" : "suspend it"} instead`,
        );
      const before = await contentStatus(deps.db, target.type, target.id);
      if (!before) throw notFound(`report.${target.type}_not_found`, `This ${target.type} no longer exists`);
      await setContentStatus(deps, target.type, target.id, "hidden");
      return { before: { status: before }, after: { status: "hidden" } };
    }
    case "unlist": {
      if (target.type !== "product")
        throw invalidField("action", "report.action_not_applicable", "Only a product can be unlisted");
      // Already taken down (an admin did it from the product page): the case records that.
      const current = await productState(deps.db, target.id);
      if (!current) throw notFound("report.product_not_found", "This product no longer exists");
      if (current.status === "rejected" && current.takenDownAt) return { before: current, after: current };
      const dto = await takeDownProduct(deps, actor, { productId: target.id, reason: note });
      return {
        before: { status: "approved" },
        after: { status: dto.status, statusReason: dto.statusReason, takenDownAt: dto.takenDownAt },
      };
    }
    case "suspend_shop": {
      const sellerId = await shopOfTarget(deps.db, target.type, target.id);
      if (!sellerId)
        throw notFound(`report.${target.type}_not_found`, `This ${target.type} no longer exists`);
      // Already suspended (another case, or the sellers admin): the case records that.
      const current = await shopState(deps.db, sellerId);
      if (current === "suspended")
        return { before: { sellerId, status: current }, after: { sellerId, status: current } };
      const shop = await suspendSeller(deps, actor, { sellerId, reason: note });
      return { before: { sellerId, status: "approved" }, after: { sellerId, status: shop.status } };
    }
  }
}
