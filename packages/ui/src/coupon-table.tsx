import type { FormError } from "@bazaar/client";
import type { CouponDto } from "@bazaar/schemas";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { couponUsage, couponWindow, describeCoupon } from "./coupon-values";
import { Button } from "./form";

const STATE: Record<CouponDto["state"], { label: string; tone: string }> = {
  active: { label: "Active", tone: "bz-tag--accent" },
  scheduled: { label: "Scheduled", tone: "bz-tag--info" },
  exhausted: { label: "Used up", tone: "bz-tag--warning" },
  expired: { label: "Expired", tone: "bz-tag--muted" },
  disabled: { label: "Disabled", tone: "bz-tag--danger" },
};

export function CouponStateTag({ state }: { state: CouponDto["state"] }) {
  return (
    <span className={`bz-tag ${STATE[state].tone}`} data-testid="coupon-state">
      {STATE[state].label}
    </span>
  );
}

/** Coupons as a table; each app adds its own actions (edit, disable) per row. */
export function CouponTable(props: {
  coupons: readonly CouponDto[];
  /** Admins see whose coupon each is, with a link to the seller. */
  showScope?: boolean;
  sellerHref?: (sellerId: string) => string;
  actions: (coupon: CouponDto) => ReactNode;
}) {
  return (
    <div className="bz-table-wrap">
      <table className="bz-table" data-testid="coupons-table">
        <thead>
          <tr>
            <th>Code</th>
            <th>Discount</th>
            {props.showScope && <th>Scope</th>}
            <th>When</th>
            <th>Used</th>
            <th>State</th>
            <th>
              <span className="bz-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.coupons.map((c) => (
            <tr key={c.id} data-testid="coupon-row">
              <td>
                <strong className="bz-mono">{c.code}</strong>
                {c.description && <div className="bz-muted bz-small">{c.description}</div>}
              </td>
              <td>{describeCoupon(c)}</td>
              {props.showScope && (
                <td>
                  <CouponScope coupon={c} sellerHref={props.sellerHref} />
                </td>
              )}
              <td className="bz-nowrap">{couponWindow(c)}</td>
              <td className="bz-nowrap">{couponUsage(c)}</td>
              <td>
                <CouponStateTag state={c.state} />
              </td>
              <td className="bz-align-right">
                <span className="bz-inline-action">{props.actions(c)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CouponScope(props: { coupon: CouponDto; sellerHref: ((sellerId: string) => string) | undefined }) {
  const c = props.coupon;
  if (c.scope === "platform") return "Platform";
  if (c.sellerId && props.sellerHref) return <Link to={props.sellerHref(c.sellerId)}>Seller</Link>;
  return "Seller";
}

/** A row's enable/disable button; the app makes the call. */
export function CouponActiveButton(props: {
  coupon: CouponDto;
  pending: boolean;
  error: FormError | null;
  /** Called with the state asked for: `true` to enable. */
  onToggle: (active: boolean) => void;
}) {
  const { coupon } = props;
  return (
    <>
      <Button
        variant={coupon.active ? "danger" : "secondary"}
        className="bz-button--small"
        onClick={() => props.onToggle(!coupon.active)}
        pending={props.pending}
        pendingLabel="Saving…"
        data-testid="coupon-toggle"
      >
        {coupon.active ? "Disable" : "Enable"}
      </Button>
      {props.error && <span className="bz-field__error">{props.error.message}</span>}
    </>
  );
}
