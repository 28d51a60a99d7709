import { formatCount, formatDate, formatDateTime } from "@bazaar/client/format";
import type { SellerReviewDto } from "@bazaar/schemas";
import { Button, PhotoLinks, Stars } from "@bazaar/ui";
import { useState } from "react";
import { Link } from "react-router";
import { ReplyForm } from "./reply-form";

/** One review: product, stars, text and photos, then the shop's reply or a way to write one. */
export function ReviewCard({ review: r }: { review: SellerReviewDto }) {
  const [editing, setEditing] = useState(false);
  return (
    <article className="bz-card" aria-label={`Review of ${r.product.title}`} data-testid="seller-review">
      <div className="bz-part__head">
        <div className="bz-media-row">
          {r.product.imageUrl ? (
            <img src={r.product.imageUrl} alt="" className="bz-thumb bz-thumb--small" />
          ) : (
            <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
          )}
          <div>
            <Link to={`/products/${r.product.id}`}>{r.product.title}</Link>
            <div className="bz-muted bz-small">
              {r.authorName}
              {r.verifiedPurchase && " · Verified purchase"} · {formatDate(r.createdAt)}
              {r.helpfulCount > 0 && ` · ${formatCount(r.helpfulCount)} found it helpful`}
            </div>
          </div>
        </div>
        {r.status === "hidden" && <span className="bz-tag bz-tag--muted">Hidden by Bazaar</span>}
      </div>
      <p>
        <Stars rating={r.rating} testId="review-stars" /> <strong>{r.title}</strong>
      </p>
      <p className="bz-prewrap">{r.body}</p>
      {r.photos.length > 0 && (
        <PhotoLinks
          photos={r.photos}
          alt={(i, n) => `From ${r.authorName}, ${i + 1} of ${n}`}
          className="bz-thumbs"
          label="Photos"
        />
      )}
      <div className="bz-part__section">
        {editing || !r.sellerReply ? (
          <ReplyForm
            review={r}
            onDone={() => setEditing(false)}
            onCancel={r.sellerReply ? () => setEditing(false) : undefined}
          />
        ) : (
          <div data-testid="seller-reply">
            <h3>Your reply</h3>
            <p className="bz-prewrap">{r.sellerReply.body}</p>
            <p className="bz-muted bz-small">
              {formatDateTime(r.sellerReply.at)}{" "}
              <Button variant="link" onClick={() => setEditing(true)} data-testid="edit-reply">
                Edit reply
              </Button>
            </p>
          </div>
        )}
      </div>
    </article>
  );
}
