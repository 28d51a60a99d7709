import type { SellerStatus } from "@bazaar/schemas";
import type { TemplateName } from "../notifications";

/**
 * The seller state machine as a table: which statuses each admin decision may start
 * from, where it leads, the email the applicant gets, and whether the storefront changes
 * (a seller's products are public only while the seller is approved).
 */
export const sellerDecisions = {
  approve: { from: ["pending"], to: "approved", template: "seller_approved", affectsStorefront: true },
  reject: { from: ["pending"], to: "rejected", template: "seller_rejected", affectsStorefront: false },
  suspend: { from: ["approved"], to: "suspended", template: "seller_suspended", affectsStorefront: true },
  reinstate: { from: ["suspended"], to: "approved", template: "seller_reinstated", affectsStorefront: true },
} as const satisfies Record<
  string,
  { from: readonly SellerStatus[]; to: SellerStatus; template: TemplateName; affectsStorefront: boolean }
>;

export type SellerDecision = keyof typeof sellerDecisions;

export const canDecide = (decision: SellerDecision, from: SellerStatus) =>
  (sellerDecisions[decision].from as readonly SellerStatus[]).includes(from);
