import type { OrderItemDto, ReturnReason } from "@bazaar/schemas";

/** One order line in the return form: whether it goes back, how many units, and why. */
export type LineDraft = { orderItemId: string; selected: boolean; qty: number; reason: ReturnReason | "" };

/** Lines that can go back now, each starting unchosen at 1 unit (or the one the buyer clicked). */
export function initialDrafts(items: readonly OrderItemDto[], chosenItemId: string | null): LineDraft[] {
  return items
    .filter((i) => i.returnableQty > 0)
    .map((i) => ({ orderItemId: i.id, selected: i.id === chosenItemId, qty: 1, reason: "" }));
}

/**
 * The request's lines: the chosen drafts in order. `indexOf` maps a draft to its position in
 * that list, which is how the API names a line's errors (`lines.0.qty`).
 */
export function chosenLines(drafts: readonly LineDraft[]) {
  const chosen = drafts.filter((d) => d.selected);
  return {
    lines: chosen.map((d) => ({ orderItemId: d.orderItemId, qty: d.qty, reason: d.reason as ReturnReason })),
    indexOf: (orderItemId: string) => chosen.findIndex((d) => d.orderItemId === orderItemId),
  };
}

/** What the form can tell before sending: no line chosen, or a chosen line without a reason. */
export function draftProblems(drafts: readonly LineDraft[]): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!drafts.some((d) => d.selected)) problems.lines = "Choose at least one item to return";
  for (const d of drafts)
    if (d.selected && !d.reason) problems[`${d.orderItemId}.reason`] = "Choose a reason";
  return problems;
}

/**
 * About what the chosen units refund, before asking: each line's total (already net of its
 * coupon share) pro rata, rounded down as the server does. The server's figure may be a few
 * paise more, when these units complete a line and take its remainder; shipping is left out.
 */
export function refundEstimate(
  items: readonly Pick<OrderItemDto, "id" | "qty" | "lineTotal">[],
  drafts: readonly LineDraft[],
): number {
  return drafts
    .filter((d) => d.selected)
    .reduce((sum, d) => {
      const item = items.find((i) => i.id === d.orderItemId);
      return item ? sum + Math.floor((item.lineTotal * d.qty) / item.qty) : sum;
    }, 0);
}
