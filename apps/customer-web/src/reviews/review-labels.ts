import type { ReviewIneligibleReason, ReviewSort, ReviewSummaryDto } from "@bazaar/schemas";

export const REVIEW_SORTS: readonly { value: ReviewSort; label: string }[] = [
  { value: "helpful", label: "Most helpful" },
  { value: "newest", label: "Newest" },
  { value: "highest", label: "Highest rating" },
  { value: "lowest", label: "Lowest rating" },
];

/** "4 out of 5 stars", what a screen reader hears for a row of stars. */
export const starsLabel = (rating: number) => `${rating} out of 5 star${rating === 1 ? "" : "s"}`;

/** "★★★★☆" for a whole rating. */
export const starsText = (rating: number) => {
  const n = Math.max(0, Math.min(5, Math.round(rating)));
  return "★".repeat(n) + "☆".repeat(5 - n);
};

export type HistogramBar = { stars: 1 | 2 | 3 | 4 | 5; count: number; percent: number };

/**
 * The five bars, 5 stars first, each with its share of all ratings as a whole percent.
 * Shares are rounded by largest remainder, so the bars always add up to 100 (or all 0
 * before the first review) and a single 1-star review among 300 still shows as 1%, not 0.
 */
export function histogramBars(summary: Pick<ReviewSummaryDto, "count" | "histogram">): HistogramBar[] {
  const bars = ([5, 4, 3, 2, 1] as const).map((stars) => ({
    stars,
    count: summary.histogram.find((h) => h.stars === stars)?.count ?? 0,
  }));
  const total = bars.reduce((n, b) => n + b.count, 0);
  if (total === 0) return bars.map((b) => ({ ...b, percent: 0 }));
  const exact = bars.map((b) => (b.count * 100) / total);
  // A bar with reviews never rounds down to nothing.
  const floors = exact.map((x, i) => (bars[i]!.count > 0 ? Math.max(1, Math.floor(x)) : 0));
  let left = 100 - floors.reduce((n, x) => n + x, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest);
  for (const { i } of order) {
    if (left <= 0) break;
    if (bars[i]!.count === 0) continue;
    floors[i]! += 1;
    left -= 1;
  }
  // The 1% floor can overshoot by a point or two: take it back from the largest bars.
  while (left < 0) {
    const largest = floors.indexOf(Math.max(...floors));
    floors[largest]! -= 1;
    left += 1;
  }
  return bars.map((b, i) => ({ ...b, percent: floors[i]! }));
}

/** Why the caller may not write a review, as the product page says it. */
export function ineligibleText(reason: ReviewIneligibleReason | null): string | null {
  switch (reason) {
    case "not_delivered":
      return "Only customers who bought and received this product can review it.";
    case "already_reviewed":
      return "You have reviewed this product.";
    case "product_unavailable":
      return "This product cannot be reviewed right now.";
    default:
      return null;
  }
}

/** "1 person found this helpful", "12 people found this helpful", or nothing at 0. */
export const helpfulText = (count: number) =>
  count === 0 ? null : `${count} ${count === 1 ? "person" : "people"} found this helpful`;

/** "4.3 out of 5", "No reviews yet". */
export const averageText = (average: number, count: number) =>
  count === 0 ? "No reviews yet" : `${average.toFixed(1)} out of 5`;
