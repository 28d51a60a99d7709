import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import { type ReviewDto, ReviewSort } from "@bazaar/schemas";
import { Button, ErrorAlert, Loading, SelectField } from "@bazaar/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { SignInLink } from "../reports/sign-in-link";
import { ShowMore } from "../show-more";
import { DeleteReviewDialog } from "./delete-review-dialog";
import { RatingSummary } from "./rating-summary";
import { type ExistingReview, ReviewFormDialog } from "./review-form";
import { ReviewItem } from "./review-item";
import { ineligibleText, REVIEW_SORTS } from "./review-labels";

type Product = { id: string; title: string };

/** The product page's reviews: the summary, writing one, and the sorted, paginated list. */
export function ReviewsSection({ product }: { product: Product }) {
  const trpc = useTRPC();
  const [sort, setSort] = useState<ReviewSort>("helpful");
  const [editing, setEditing] = useState<ExistingReview | "new" | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const summary = useQuery(trpc.reviews.summary.queryOptions({ productId: product.id }));
  const { status } = useAuth();
  // The list says which review is the caller's and what they voted for: wait until the
  // session is restored, or a reload would fetch (and cache) the guest view.
  const list = useInfiniteQuery({
    ...trpc.reviews.list.infiniteQueryOptions(
      { productId: product.id, sort, limit: 10 },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    enabled: status !== "loading",
  });
  const listError = useFormError(list.error);
  const summaryError = useFormError(summary.error);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const edit = (r: ReviewDto) =>
    setEditing({ id: r.id, rating: r.rating, title: r.title, body: r.body, photos: r.photos });

  return (
    <section className="bz-card bz-reviews" aria-labelledby="reviews-title" data-testid="reviews">
      <h2 className="bz-card__title" id="reviews-title">
        Ratings and reviews
      </h2>
      <div className="bz-reviews__top">
        {summary.data ? (
          <RatingSummary summary={summary.data} />
        ) : summary.error ? (
          <ErrorAlert error={summaryError} />
        ) : (
          <Loading label="Loading ratings…" />
        )}
        <WriteReview productId={product.id} onWrite={() => setEditing("new")} onEdit={setEditing} />
      </div>

      <div className="bz-reviews__toolbar">
        <SelectField
          id="review-sort"
          label="Sort reviews"
          options={REVIEW_SORTS}
          value={sort}
          onValue={(v) => setSort(ReviewSort.parse(v))}
        />
      </div>
      {list.isPending ? (
        <Loading label="Loading reviews…" />
      ) : list.error ? (
        <ErrorAlert error={listError} />
      ) : rows.length === 0 ? (
        <p className="bz-empty" data-testid="reviews-empty">
          No reviews yet. Customers who buy this product can review it once it is delivered.
        </p>
      ) : (
        <ul className="bz-review-list" data-testid="review-list">
          {rows.map((r) => (
            <ReviewItem key={r.id} review={r} onEdit={() => edit(r)} onDelete={() => setDeleting(r.id)} />
          ))}
        </ul>
      )}
      <ShowMore query={list} label="Show more reviews" testId="more-reviews" />

      <ReviewFormDialog
        open={editing !== null}
        product={product}
        existing={editing === "new" ? null : editing}
        onClose={() => setEditing(null)}
      />
      <DeleteReviewDialog reviewId={deleting} onClose={() => setDeleting(null)} />
    </section>
  );
}

/**
 * "Write a review" for a customer who received the product, "Edit your review" for one who
 * wrote it, why not for the others, and a sign-in link for guests.
 */
function WriteReview(props: { productId: string; onWrite: () => void; onEdit: (r: ExistingReview) => void }) {
  const trpc = useTRPC();
  const { status, user } = useAuth();
  const customer = status === "signedIn" && user?.role === "customer";
  const eligibility = useQuery({
    ...trpc.reviews.eligibility.queryOptions({ productId: props.productId }),
    enabled: customer,
  });
  if (status === "signedOut")
    return (
      <p className="bz-small">
        <SignInLink>Sign in</SignInLink> to review a product you bought.
      </p>
    );
  if (!customer || !eligibility.data) return null;
  const e = eligibility.data;
  if (e.canReview)
    return (
      <div className="bz-reviews__write">
        <p className="bz-small">You bought this. Tell others what you think.</p>
        <Button onClick={props.onWrite} data-testid="write-review">
          Write a review
        </Button>
      </div>
    );
  if (e.review) {
    const r = e.review;
    return (
      <div className="bz-reviews__write">
        <p className="bz-small">
          You reviewed this product{r.status === "hidden" ? " (hidden by Bazaar after a report)" : ""}.
        </p>
        <Button
          variant="secondary"
          onClick={() =>
            props.onEdit({ id: r.id, rating: r.rating, title: r.title, body: r.body, photos: r.photos })
          }
          data-testid="edit-own-review"
        >
          Edit your review
        </Button>
      </div>
    );
  }
  const why = ineligibleText(e.reason);
  return why ? <p className="bz-small bz-muted">{why}</p> : null;
}
