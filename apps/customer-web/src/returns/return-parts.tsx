import { formatRupees } from "@bazaar/client/format";
import type { ReturnDto, ReturnTimelineStep } from "@bazaar/schemas";
import { Card, OrderTimeline, RefundStatusTag, returnReasonLabel, SumRow } from "@bazaar/ui";
import { refundText, returnSteps } from "./return-labels";

/** Requested → approved → received → refunded, or where a rejection or cancellation stopped it. */
export function ReturnStepsBar({ ret }: { ret: ReturnDto }) {
  return (
    <ol className="bz-return-steps" aria-label="Return progress" data-testid="return-steps">
      {returnSteps(ret).map((s) => (
        <li
          key={s.key}
          className={`bz-return-steps__step bz-return-steps__step--${s.state}`}
          aria-current={s.state === "current" ? "step" : undefined}
        >
          {s.state === "done" && <span aria-hidden="true">✓ </span>}
          {s.label}
        </li>
      ))}
    </ol>
  );
}

/** The units going back, each with its reason and what it refunds. */
export function ReturnLines({ ret }: { ret: ReturnDto }) {
  return (
    <Card title="Items" testId="return-lines">
      <ul className="bz-order-items">
        {ret.lines.map((l) => (
          <li key={l.orderItemId} className="bz-order-item" data-testid="return-item">
            {l.imageUrl ? (
              <img src={l.imageUrl} alt="" className="bz-thumb bz-thumb--small" />
            ) : (
              <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
            )}
            <div className="bz-order-item__info">
              <strong>{l.title}</strong>
              {l.variantLabel && <span className="bz-muted bz-small">{l.variantLabel}</span>}
              <span className="bz-muted bz-small">
                {l.qty} unit{l.qty === 1 ? "" : "s"} · {returnReasonLabel(l.reason)}
                {l.restock !== null && (l.restock ? " · back in stock" : " · not restocked")}
              </span>
            </div>
            <div className="bz-order-item__total">{formatRupees(l.amount)}</div>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The refund: what it is made of, and where the money stands in a sentence. */
export function RefundCard({ ret }: { ret: ReturnDto }) {
  const closed = ret.status === "cancelled" || ret.status === "rejected";
  return (
    <Card title="Refund" testId="return-refund">
      <dl className="bz-sums">
        <SumRow label="Items" value={formatRupees(ret.itemsAmount)} />
        {ret.shippingAmount > 0 && <SumRow label="Shipping" value={formatRupees(ret.shippingAmount)} />}
        <SumRow label="Refund" value={formatRupees(ret.refundAmount)} total testId="refund-amount" />
      </dl>
      {closed ? (
        <p className="bz-small bz-muted">No refund: this return was {ret.status}.</p>
      ) : (
        <>
          <p className="bz-small">
            <RefundStatusTag status={ret.refundStatus} />
          </p>
          <p className="bz-small" data-testid="refund-text">
            {refundText(ret)}
          </p>
        </>
      )}
    </Card>
  );
}

/**
 * The return's own steps, oldest first, each note signed from the buyer's side ("You: …",
 * "Kavya Crafts: …", "Bazaar: …") so a rejection's reason says whose it is.
 */
export function ReturnTimeline({ ret }: { ret: ReturnDto }) {
  const who = { customer: "You", seller: ret.shop.shopName, admin: "Bazaar", system: "Bazaar" } as const;
  const events = ret.timeline.map((e) => ({
    from: null,
    to: e.to as ReturnTimelineStep,
    at: e.at,
    actorRole: e.actorRole,
    note: e.note ? `${who[e.actorRole]}: ${e.note}` : null,
  }));
  return (
    <Card title="Timeline">
      <OrderTimeline events={events} />
    </Card>
  );
}
