import type { SubOrderDto } from "@bazaar/schemas";
import {
  Button,
  InvoiceButton,
  OrderItemList,
  OrderSums,
  OrderTimeline,
  SubOrderStatusTag,
} from "@bazaar/ui";
import { Link } from "react-router";
import { PartReturns } from "../returns/part-returns";

/** One shop's part as an admin sees it: items with SKUs, the timeline with who acted, tracking, invoice. */
export function PartCard({
  subOrder: s,
  onCancel,
}: {
  subOrder: SubOrderDto;
  onCancel?: (() => void) | undefined;
}) {
  return (
    <section className="bz-card" aria-label={`${s.number} from ${s.seller.shopName}`} data-testid="sub-order">
      <div className="bz-part__head">
        <div>
          <h2 className="bz-card__title">
            <Link to={`/sellers/${s.seller.id}`}>{s.seller.shopName}</Link>
          </h2>
          <span className="bz-muted bz-small bz-mono">{s.number}</span>
        </div>
        <SubOrderStatusTag status={s.status} />
      </div>
      {s.cancelReason && (
        <p className="bz-small bz-text-danger" data-testid="cancel-reason">
          Cancelled: {s.cancelReason}
        </p>
      )}
      <div className="bz-part__columns">
        <div>
          <OrderItemList items={s.items} showSku />
          <OrderSums amounts={s} />
          <PartReturns returns={s.returns} />
        </div>
        <div>
          <h3>Timeline</h3>
          <OrderTimeline events={s.timeline} showActor />
          {(s.carrier || s.trackingNumber) && (
            <dl className="bz-facts bz-mt">
              <dt>Carrier</dt>
              <dd>{s.carrier ?? "—"}</dd>
              <dt>Tracking number</dt>
              <dd className="bz-mono">{s.trackingNumber ?? "—"}</dd>
            </dl>
          )}
          <p className="bz-small">
            <a href={s.trackingUrl} target="_blank" rel="noreferrer">
              Public tracking page
            </a>
          </p>
        </div>
      </div>
      <div className="bz-form-actions bz-mt">
        <InvoiceButton subOrder={s} />
        {s.invoiceNumber && <span className="bz-muted bz-small bz-mono">{s.invoiceNumber}</span>}
        {onCancel && (
          <Button variant="danger" className="bz-button--small" onClick={onCancel} data-testid="cancel-part">
            Cancel this part
          </Button>
        )}
      </div>
    </section>
  );
}
