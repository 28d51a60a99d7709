import { useFormError, useTRPC } from "@bazaar/client";
import { Card, ErrorAlert, FilterTabs, Loading, LoadMore, Page, SelectField } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useNavigate, useSearchParams } from "react-router";
import { ReviewCard } from "./review-card";
import {
  emptyReviewsText,
  parseReviewFilters,
  RATING_OPTIONS,
  type ReviewFilters,
  reviewFiltersHref,
  reviewsListInput,
} from "./review-filters";

const TABS = [
  { value: "", label: "All reviews" },
  { value: "unreplied", label: "Not replied" },
] as const;

/**
 * Reviews of the shop's products, newest first, with their photos; the seller replies once
 * to each (the buyer is emailed) and may edit the reply later.
 */
export function ReviewsPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const filters = parseReviewFilters(params);
  const reviews = useInfiniteQuery(
    trpc.seller.reviews.list.infiniteQueryOptions(reviewsListInput(filters), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const error = useFormError(reviews.error);
  const rows = reviews.data?.pages.flatMap((p) => p.items) ?? [];
  const go = (next: Partial<ReviewFilters>) =>
    navigate(reviewFiltersHref({ ...filters, ...next }), { replace: true });

  return (
    <Page
      title="Reviews"
      description="What customers who received your products say about them. Your reply shows under the review on the product page."
    >
      <div className="bz-row">
        <FilterTabs
          label="Reviews to show"
          tabs={TABS}
          current={filters.unreplied ? "unreplied" : ""}
          href={(v) => reviewFiltersHref({ ...filters, unreplied: v === "unreplied" })}
        />
        <SelectField
          id="review-rating"
          label="Rating"
          options={RATING_OPTIONS}
          value={filters.rating ? String(filters.rating) : ""}
          onValue={(v) => go({ rating: v ? (Number(v) as ReviewFilters["rating"]) : null })}
        />
      </div>
      {reviews.isPending ? (
        <Loading />
      ) : reviews.error ? (
        <ErrorAlert error={error} />
      ) : rows.length === 0 ? (
        <Card>
          <p className="bz-empty" data-testid="reviews-empty">
            {emptyReviewsText(filters)}
          </p>
        </Card>
      ) : (
        <ul className="bz-board" data-testid="seller-reviews">
          {rows.map((r) => (
            <li key={r.id}>
              <ReviewCard review={r} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={reviews} />
    </Page>
  );
}
