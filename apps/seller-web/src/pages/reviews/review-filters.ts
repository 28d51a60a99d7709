import type { SellerReviewsListInput } from "@bazaar/schemas";

export type ReviewFilters = { unreplied: boolean; rating: 1 | 2 | 3 | 4 | 5 | null };

/** The filters live in the URL (`?show=unreplied&rating=2`); anything else reads as no filter. */
export function parseReviewFilters(params: URLSearchParams): ReviewFilters {
  const rating = Number(params.get("rating"));
  return {
    unreplied: params.get("show") === "unreplied",
    rating:
      Number.isInteger(rating) && rating >= 1 && rating <= 5 ? (rating as ReviewFilters["rating"]) : null,
  };
}

/** The URL for a set of filters, only the ones set. */
export function reviewFiltersHref(f: ReviewFilters): string {
  const q = new URLSearchParams();
  if (f.unreplied) q.set("show", "unreplied");
  if (f.rating) q.set("rating", String(f.rating));
  const s = q.toString();
  return s ? `/reviews?${s}` : "/reviews";
}

export function reviewsListInput(f: ReviewFilters): SellerReviewsListInput {
  return { limit: 20, ...(f.unreplied && { unreplied: true }), ...(f.rating && { rating: f.rating }) };
}

export function emptyReviewsText(f: ReviewFilters): string {
  if (f.unreplied && !f.rating) return "You have replied to every review.";
  if (f.unreplied || f.rating) return "No reviews match these filters.";
  return "No reviews yet. Customers can review a product once it is delivered to them.";
}

export const RATING_OPTIONS = [
  { value: "", label: "Any rating" },
  ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n} star${n === 1 ? "" : "s"}` })),
];
