import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { ReturnLineDto, SellerReturnDto } from "@bazaar/schemas";
import { Alert, PhotoLinks, returnReasonLabel, SumRow } from "@bazaar/ui";
import { refundNote } from "./return-actions";

/** What comes back: each line's units, the buyer's reason, its refund and, once received, the restock. */
export function ReturnLines({ lines }: { lines: ReturnLineDto[] }) {
  return (
    <ul className="bz-order-items" data-testid="return-lines">
      {lines.map((l) => (
        <li key={l.orderItemId} className="bz-order-item" data-testid="return-line">
          {l.imageUrl ? (
            <img src={l.imageUrl} alt="" className="bz-thumb bz-thumb--small" />
          ) : (
            <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
          )}
          <div className="bz-order-item__info">
            <strong>{l.title}</strong>
            {l.variantLabel && <span className="bz-muted bz-small">{l.variantLabel}</span>}
            <span className="bz-small">
              Qty {l.qty} · <span data-testid="return-reason">{returnReasonLabel(l.reason)}</span>
            </span>
            {l.restock !== null && (
              <span className="bz-small bz-muted">{l.restock ? "Put back on sale" : "Not restocked"}</span>
            )}
          </div>
          <span className="bz-order-item__total">{formatRupees(l.amount)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The refund: the units' share of what was paid, shipping when owed back, and where it stands. */
export function ReturnAmounts({ ret: r }: { ret: SellerReturnDto }) {
  return (
    <>
      <dl className="bz-sums">
        <SumRow label="Items" value={formatRupees(r.itemsAmount)} />
        {r.shippingAmount > 0 && <SumRow label="Shipping refunded" value={formatRupees(r.shippingAmount)} />}
        <SumRow label="Refund" value={formatRupees(r.refundAmount)} total testId="return-refund-amount" />
      </dl>
      <p className="bz-small bz-muted" data-testid="refund-note">
        {refundNote(r)}
        {r.refundedAt && ` Refunded ${formatDateTime(r.refundedAt)}.`}
      </p>
    </>
  );
}

/** The buyer's comment and photos. */
export function ReturnEvidence({ ret: r }: { ret: SellerReturnDto }) {
  if (!r.comment && r.photos.length === 0)
    return <p className="bz-small bz-muted">No comment or photos from the customer.</p>;
  return (
    <div className="bz-part__section">
      <h3>From the customer</h3>
      {r.comment && (
        <p className="bz-prewrap" data-testid="return-comment">
          {r.comment}
        </p>
      )}
      {r.photos.length > 0 && (
        <PhotoLinks
          photos={r.photos}
          alt={(i, n) => `From the customer, ${i + 1} of ${n}`}
          className="bz-thumbs"
          label="Photos"
          testId="return-photos"
        />
      )}
    </div>
  );
}

/** Why it was rejected, the buyer's escalation and Bazaar's decision, when there are any. */
export function ReturnNotes({ ret: r }: { ret: SellerReturnDto }) {
  return (
    <>
      {r.rejectReason && (
        <Alert tone={r.status === "rejected" ? "error" : "info"} title="You rejected it">
          {r.rejectReason}
          {r.status === "rejected" &&
            r.escalateUntil &&
            ` The customer may ask Bazaar to review this until ${formatDateTime(r.escalateUntil)}.`}
        </Alert>
      )}
      {r.escalationNote && (
        <Alert tone="warning" title="The customer asked Bazaar to review">
          {r.escalationNote}
        </Alert>
      )}
      {r.decisionNote && (
        <Alert tone="info" title="Bazaar's decision">
          {r.decisionNote}
        </Alert>
      )}
    </>
  );
}
