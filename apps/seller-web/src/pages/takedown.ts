import type { SellerProductDto } from "@bazaar/schemas";

export type Takedown = {
  at: Date;
  reason: string;
  /** The seller edited and resubmitted it: the appeal waits for review. */
  appealPending: boolean;
};

/**
 * Whether an admin took the product down, and where the appeal stands. A takedown leaves
 * the product rejected with the reason; resubmitting it (pending review) is the appeal, and
 * approval clears `takenDownAt`.
 */
export function takedownOf(
  p: Pick<SellerProductDto, "status" | "statusReason" | "takenDownAt">,
): Takedown | null {
  if (!p.takenDownAt) return null;
  return {
    at: p.takenDownAt,
    reason: asSentence(p.statusReason?.trim() || "No reason was given"),
    appealPending: p.status === "pending_review",
  };
}

/** An admin's reason reads as a sentence before the text that follows it: "Counterfeit." */
const asSentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
