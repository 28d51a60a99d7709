import { formatDateTime, formatDiscount, formatRupees } from "@bazaar/client/format";
import type {
  AddressSnapshotDto,
  OrderEventDto,
  OrderItemDto,
  PaymentStatus,
  SubOrderStatus,
} from "@bazaar/schemas";
import {
  addressLines,
  paymentStatusLabel,
  paymentStatusTone,
  subOrderStatusLabel,
  subOrderStatusTone,
  timelineActor,
  timelineLabel,
} from "./order-labels";

export function SubOrderStatusTag({ status }: { status: SubOrderStatus }) {
  return (
    <span className={`bz-tag bz-tag--plain ${subOrderStatusTone(status)}`} data-testid="sub-order-status">
      {subOrderStatusLabel(status)}
    </span>
  );
}

export function PaymentStatusTag({ status }: { status: PaymentStatus }) {
  return (
    <span className={`bz-tag bz-tag--plain ${paymentStatusTone(status)}`} data-testid="payment-status-tag">
      {paymentStatusLabel(status)}
    </span>
  );
}

/** One row of a totals list: "Shipping ₹49". */
export function SumRow(props: { label: string; value: string; total?: boolean; testId?: string }) {
  return (
    <div className={`bz-sums__row${props.total ? " bz-sums__total" : ""}`} data-testid={props.testId}>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

export type OrderAmounts = {
  subtotal: number;
  itemDiscount: number;
  couponDiscount: number;
  shipping: number;
  gstIncluded: number;
  total: number;
  refundedAmount?: number;
};

/** Items, savings, shipping and the total, with the GST it includes and any refund. */
export function OrderSums({
  amounts: a,
  totalLabel = "Total",
  testId,
}: {
  amounts: OrderAmounts;
  totalLabel?: string;
  testId?: string;
}) {
  return (
    <>
      <dl className="bz-sums" data-testid={testId}>
        <SumRow label="Items" value={formatRupees(a.subtotal)} />
        {a.itemDiscount > 0 && <SumRow label="Sale savings" value={formatDiscount(a.itemDiscount)} />}
        {a.couponDiscount > 0 && <SumRow label="Coupon" value={formatDiscount(a.couponDiscount)} />}
        <SumRow label="Shipping" value={a.shipping === 0 ? "Free" : formatRupees(a.shipping)} />
        <SumRow label={totalLabel} value={formatRupees(a.total)} total testId="order-total" />
        {(a.refundedAmount ?? 0) > 0 && (
          <SumRow label="Refunded" value={formatRupees(a.refundedAmount ?? 0)} testId="refunded-amount" />
        )}
      </dl>
      <p className="bz-muted bz-small bz-sums__note">Includes {formatRupees(a.gstIncluded)} GST.</p>
    </>
  );
}

/** What was bought: picture, title, option, quantity and price of each line. */
export function OrderItemList({
  items,
  showSku = false,
}: {
  items: readonly OrderItemDto[];
  showSku?: boolean;
}) {
  return (
    <ul className="bz-order-items" data-testid="order-items">
      {items.map((item) => (
        <li key={item.id} className="bz-order-item" data-testid="order-item">
          {item.imageUrl ? (
            <img src={item.imageUrl} alt="" className="bz-thumb bz-thumb--small" />
          ) : (
            <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
          )}
          <div className="bz-order-item__info">
            <strong>{item.title}</strong>
            {item.variantLabel && <span className="bz-muted bz-small">{item.variantLabel}</span>}
            <span className="bz-muted bz-small">
              {item.qty} × {formatRupees(item.effectiveUnitPrice)}
              {showSku && (
                <>
                  {" · SKU "}
                  <span className="bz-mono">{item.sku}</span>
                </>
              )}
            </span>
          </div>
          <div className="bz-order-item__total">
            {formatRupees(item.lineTotal)}
            {item.couponDiscount > 0 && (
              <div className="bz-small bz-text-success">Coupon {formatDiscount(item.couponDiscount)}</div>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A sub-order's steps, oldest first, with when each happened and any note. */
export function OrderTimeline({
  events,
  showActor = false,
}: {
  events: readonly Pick<OrderEventDto, "from" | "to" | "at" | "actorRole" | "note">[];
  /** Who took each step (admins and sellers); buyers see only what happened. */
  showActor?: boolean;
}) {
  if (events.length === 0) return <p className="bz-muted bz-small">No updates yet.</p>;
  return (
    <ol className="bz-timeline" data-testid="timeline">
      {events.map((e, i) => (
        <li
          // Steps are append-only, so the position is a stable key.
          key={i}
          className={`bz-timeline__step${e.to === "cancelled" ? " bz-timeline__step--cancelled" : ""}`}
          data-testid="timeline-step"
        >
          <span className="bz-timeline__label">{timelineLabel(e)}</span>{" "}
          <time className="bz-muted bz-small" dateTime={e.at.toISOString()}>
            {formatDateTime(e.at)}
          </time>
          {(e.note || (showActor && e.actorRole !== "system")) && (
            <p className="bz-small bz-muted">
              {showActor && e.actorRole !== "system" && `${timelineActor(e)}${e.note ? ": " : ""}`}
              {e.note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** A delivery address as it was when the order was placed. */
export function ShippingAddress({ address, testId }: { address: AddressSnapshotDto; testId?: string }) {
  const [name, ...rest] = addressLines(address);
  return (
    <address className="bz-address__body" data-testid={testId}>
      <strong>{name}</strong>
      {rest.map((line) => (
        <span key={line}>
          <br />
          {line}
        </span>
      ))}
    </address>
  );
}
