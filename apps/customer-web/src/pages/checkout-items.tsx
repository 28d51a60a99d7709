import { formatDiscount, formatRupees } from "@bazaar/client/format";
import type { CartGroupDto } from "@bazaar/schemas";
import { SumRow } from "@bazaar/ui";

/** One shop's part of the order: its lines, savings, shipping and total. */
export function CheckoutGroup({ group: g }: { group: CartGroupDto }) {
  return (
    <section className="bz-mt" data-testid="checkout-group">
      <h3 className="bz-card__title">From {g.seller.shopName}</h3>
      <ul className="bz-order-items">
        {g.lines.map((line) => (
          <li key={line.id} className="bz-order-item" data-testid="checkout-line">
            {line.imageUrl ? (
              <img src={line.imageUrl} alt="" className="bz-thumb bz-thumb--small" />
            ) : (
              <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
            )}
            <div className="bz-order-item__info">
              <strong>{line.title}</strong>
              {line.variantLabel && <span className="bz-muted bz-small">{line.variantLabel}</span>}
              <span className="bz-muted bz-small">
                {line.qty} × {formatRupees(line.effectiveUnitPrice)}
              </span>
            </div>
            <div className="bz-order-item__total">
              {line.available ? (
                formatRupees(line.lineTotal)
              ) : (
                <span className="bz-text-danger">Unavailable</span>
              )}
            </div>
          </li>
        ))}
      </ul>
      <dl className="bz-sums bz-sums--group">
        {g.itemDiscount > 0 && <SumRow label="Sale savings" value={formatDiscount(g.itemDiscount)} />}
        {g.couponDiscount > 0 && <SumRow label="Coupon" value={formatDiscount(g.couponDiscount)} />}
        <SumRow label="Shipping" value={g.shipping === 0 ? "Free" : formatRupees(g.shipping)} />
        <SumRow label={`Total from ${g.seller.shopName}`} value={formatRupees(g.total)} total />
      </dl>
    </section>
  );
}
