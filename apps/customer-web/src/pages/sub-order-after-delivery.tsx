import { formatDate, formatRupees } from "@bazaar/client/format";
import type { MyReviewDto, OrderItemDto, SubOrderDto } from "@bazaar/schemas";
import { Button, itemCount, returnStatusLabel, returnStatusTone } from "@bazaar/ui";
import { Link } from "react-router";
import { lineNoReturnText, lineReturnText } from "../returns/return-labels";

/**
 * What a buyer can do with each line of a delivered part: return it (with how many units
 * and until when) and review the product (or edit the review already written).
 */
export function DeliveredLineActions(props: {
  subOrder: SubOrderDto;
  reviews: ReadonlyMap<string, MyReviewDto> | null;
  now: Date;
  onReturn: (itemId: string) => void;
  onReview: (item: OrderItemDto, existing: MyReviewDto | null) => void;
}) {
  const s = props.subOrder;
  if (s.status !== "delivered") return null;
  return (
    <div className="bz-part__section" data-testid="after-delivery">
      <h3>Returns and reviews</h3>
      <ul className="bz-list">
        {s.items.map((item) => {
          const canReturn = lineReturnText(item, props.now);
          const why = lineNoReturnText(item, props.now);
          const review = item.productId ? (props.reviews?.get(item.productId) ?? null) : null;
          return (
            <li key={item.id} className="bz-line-return" data-testid="line-actions">
              <strong className="bz-small">{item.title}</strong>
              {canReturn ? (
                <>
                  <span className="bz-small bz-muted" data-testid="return-window-line">
                    {canReturn}
                  </span>
                  <Button
                    variant="secondary"
                    className="bz-button--small"
                    onClick={() => props.onReturn(item.id)}
                    data-testid="return-line"
                  >
                    Return
                  </Button>
                </>
              ) : (
                why && (
                  <span className="bz-small bz-muted" data-testid="return-window-line">
                    {why}
                  </span>
                )
              )}
              {item.productId && props.reviews && (
                <Button
                  variant="link"
                  className="bz-small"
                  onClick={() => props.onReview(item, review)}
                  data-testid={review ? "edit-review-line" : "review-line"}
                >
                  {review ? "Edit your review" : "Write a review"}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The returns asked for on this part, each linking to its page. */
export function SubOrderReturns({ subOrder: s }: { subOrder: SubOrderDto }) {
  if (s.returns.length === 0) return null;
  return (
    <div className="bz-part__section" data-testid="sub-order-returns">
      <h3>Returns</h3>
      <ul className="bz-part-returns">
        {s.returns.map((r) => (
          <li key={r.id} data-testid="sub-order-return">
            <Link to={`/returns/${r.id}`} className="bz-mono">
              {r.number}
            </Link>{" "}
            <span className={`bz-tag bz-tag--plain ${returnStatusTone(r.status)}`}>
              {returnStatusLabel(r.status)}
            </span>{" "}
            <span className="bz-small bz-muted">
              {itemCount(r.itemCount)} · {formatRupees(r.refundAmount)} · asked {formatDate(r.requestedAt)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
