import type { MyReviewDto, OrderItemDto, SubOrderDto } from "@bazaar/schemas";
import {
  Button,
  InvoiceButton,
  OrderItemList,
  OrderSums,
  OrderTimeline,
  SubOrderStatusTag,
} from "@bazaar/ui";
import { Link } from "react-router";
import { MessageSellerLink } from "../messages/message-seller-link";
import { trackingQrSrc } from "../orders/order-rules";
import { DeliveredLineActions, SubOrderReturns } from "./sub-order-after-delivery";

/** Returning and reviewing the lines of a delivered part; absent where the page offers neither. */
export type AfterDelivery = {
  /** The buyer's reviews by product; null until known (review buttons wait for it). */
  reviews: ReadonlyMap<string, MyReviewDto> | null;
  now: Date;
  onReturn: (subOrderId: string, itemId: string) => void;
  onReview: (item: OrderItemDto, existing: MyReviewDto | null) => void;
};

/**
 * One shop's part: its items and sums, returning and reviewing delivered lines, its returns,
 * progress (return steps included), delivery with a tracking QR, invoice, cancel.
 */
export function SubOrderCard({
  subOrder: s,
  onCancel,
  afterDelivery,
}: {
  subOrder: SubOrderDto;
  onCancel?: (() => void) | undefined;
  afterDelivery?: AfterDelivery | undefined;
}) {
  return (
    <section className="bz-card" data-testid="sub-order" aria-label={`Items from ${s.seller.shopName}`}>
      <div className="bz-part__head">
        <div>
          <h2 className="bz-card__title">
            From <Link to={`/shop/${s.seller.slug}`}>{s.seller.shopName}</Link>
          </h2>
          <span className="bz-muted bz-small bz-mono">{s.number}</span>
        </div>
        <SubOrderStatusTag status={s.status} />
      </div>
      {s.status === "cancelled" && s.cancelReason && (
        <p className="bz-small bz-text-danger" data-testid="cancel-reason">
          Cancelled: {s.cancelReason}
        </p>
      )}
      <div className="bz-part__columns">
        <div>
          <OrderItemList items={s.items} />
          <OrderSums amounts={s} totalLabel={`Total from ${s.seller.shopName}`} />
          {afterDelivery && (
            <DeliveredLineActions
              subOrder={s}
              reviews={afterDelivery.reviews}
              now={afterDelivery.now}
              onReturn={(itemId) => afterDelivery.onReturn(s.id, itemId)}
              onReview={afterDelivery.onReview}
            />
          )}
          <SubOrderReturns subOrder={s} />
        </div>
        <div>
          <h3>Progress</h3>
          <OrderTimeline events={s.timeline} />
          {s.status !== "cancelled" && s.status !== "placed" && <Delivery subOrder={s} />}
        </div>
      </div>
      <div className="bz-form-actions bz-mt">
        <InvoiceButton subOrder={s} />
        <MessageSellerLink
          subject={{ subOrderId: s.id }}
          shopName={s.seller.shopName}
          about={`order ${s.number}`}
        />
        {onCancel && (
          <Button variant="danger" className="bz-button--small" onClick={onCancel} data-testid="cancel-part">
            Cancel items from {s.seller.shopName}
          </Button>
        )}
      </div>
    </section>
  );
}

/** The carrier and tracking number once shipped, and a QR code for the tracking page. */
function Delivery({ subOrder: s }: { subOrder: SubOrderDto }) {
  const shipped = s.carrier !== null || s.trackingNumber !== null;
  return (
    <div className="bz-part__section" data-testid="delivery">
      <h3>Delivery</h3>
      {shipped ? (
        <dl className="bz-facts">
          <dt>Carrier</dt>
          <dd data-testid="carrier">{s.carrier ?? "—"}</dd>
          <dt>Tracking number</dt>
          <dd className="bz-mono" data-testid="tracking-number">
            {s.trackingNumber ?? "—"}
          </dd>
        </dl>
      ) : (
        <p className="bz-muted bz-small">The carrier and tracking number appear once it ships.</p>
      )}
      <div className="bz-qr">
        <img
          src={trackingQrSrc(s.trackingCode)}
          alt="QR code to track this delivery"
          width={144}
          height={144}
        />
        <Link to={`/track/${s.trackingCode}`} className="bz-small">
          Tracking page to share
        </Link>
      </div>
    </div>
  );
}
