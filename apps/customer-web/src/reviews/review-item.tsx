import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import { formatDate } from "@bazaar/client/format";
import type { ReviewDto, ReviewVoteDto } from "@bazaar/schemas";
import { Button, PhotoLinks } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ReportLink } from "../reports/report-link";
import { SignInLink } from "../reports/sign-in-link";
import { helpfulText, starsLabel, starsText } from "./review-labels";

/**
 * One review: stars, title, author (verified purchase), text, photos, the shop's reply, and
 * the helpful vote, a report link, or edit/delete for the author's own.
 */
export function ReviewItem(props: { review: ReviewDto; onEdit: () => void; onDelete: () => void }) {
  const r = props.review;
  return (
    <li className="bz-review" data-testid="review">
      <div className="bz-review__head">
        <span className="bz-stars" role="img" aria-label={starsLabel(r.rating)} data-testid="review-rating">
          {starsText(r.rating)}
        </span>
        <strong className="bz-review__title">{r.title}</strong>
      </div>
      <p className="bz-small bz-muted">
        {r.authorName} · {formatDate(r.createdAt)}
        {r.updatedAt.getTime() - r.createdAt.getTime() > 60_000 && " · edited"}
        {r.verifiedPurchase && (
          <span className="bz-tag bz-tag--accent bz-review__verified" data-testid="verified-purchase">
            Verified purchase
          </span>
        )}
      </p>
      <p className="bz-prewrap">{r.body}</p>
      {r.photos.length > 0 && (
        <PhotoLinks
          photos={r.photos}
          alt={(i, n) => `From the reviewer, ${i + 1} of ${n}`}
          className="bz-review__photos"
          label="Photos from the reviewer"
          small
        />
      )}
      {r.sellerReply && (
        <div className="bz-review__reply" data-testid="seller-reply">
          <p className="bz-small">
            <strong>Reply from the seller</strong> ·{" "}
            <span className="bz-muted">{formatDate(r.sellerReply.at)}</span>
          </p>
          <p className="bz-prewrap bz-small">{r.sellerReply.body}</p>
        </div>
      )}
      <div className="bz-review__actions">
        {r.mine ? (
          <>
            <span className="bz-tag bz-tag--info">Your review</span>
            <Button variant="link" className="bz-small" onClick={props.onEdit} data-testid="edit-review">
              Edit
            </Button>
            <Button
              variant="link"
              className="bz-small bz-text-danger"
              onClick={props.onDelete}
              data-testid="delete-review"
            >
              Delete
            </Button>
          </>
        ) : (
          <>
            <HelpfulVote review={r} />
            <ReportLink targetType="review" targetId={r.id} />
          </>
        )}
      </div>
    </li>
  );
}

/** "Helpful" toggles the caller's vote; the count comes back exact from the server. */
function HelpfulVote({ review: r }: { review: ReviewDto }) {
  const trpc = useTRPC();
  const { status } = useAuth();
  const [result, setResult] = useState<ReviewVoteDto | null>(null);
  const vote = useMutation(trpc.reviews.vote.mutationOptions({ onSuccess: setResult }));
  const error = useFormError(vote.error);
  const voted = result?.votedHelpful ?? r.votedHelpful;
  const count = result?.helpfulCount ?? r.helpfulCount;
  const text = helpfulText(count);
  return (
    <span className="bz-review__vote">
      {text && (
        <span className="bz-small bz-muted" data-testid="helpful-count">
          {text}
        </span>
      )}
      {status === "signedIn" ? (
        <Button
          variant="secondary"
          className="bz-button--small"
          aria-pressed={voted}
          pending={vote.isPending}
          onClick={() => vote.mutate({ reviewId: r.id, helpful: !voted })}
          data-testid="helpful-vote"
        >
          {voted ? "✓ Helpful" : "Helpful"}
        </Button>
      ) : (
        <SignInLink>Sign in to vote</SignInLink>
      )}
      {error && (
        <span className="bz-small bz-text-danger" role="alert">
          {error.message}
        </span>
      )}
    </span>
  );
}
