import { useFormError } from "@bazaar/client";
import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { SellerBalancesDto } from "@bazaar/schemas";
import { Card, ErrorAlert, Loading } from "@bazaar/ui";
import type { UseQueryResult } from "@tanstack/react-query";
import { Link } from "react-router";

type Tile = { key: string; label: string; value: number; hint: string };

const tiles = (b: SellerBalancesDto): Tile[] => [
  { key: "available", label: "Available", value: b.available, hint: "Yours to withdraw" },
  { key: "pending", label: "Pending", value: b.pending, hint: "Until return windows close" },
  { key: "in-payout", label: "In payout", value: b.inPayout, hint: "Held by your open request" },
  { key: "paid-out", label: "Paid out", value: b.paidOut, hint: "Sent to your bank" },
  { key: "lifetime", label: "Lifetime sales", value: b.lifetimeSales, hint: "Before Bazaar's deductions" },
];

/** The seller's balances, one tile each, and the way to a payout. */
export function BalancesCard({ query }: { query: UseQueryResult<SellerBalancesDto, unknown> }) {
  const error = useFormError(query.error);
  const b = query.data;
  return (
    <Card title="Balances" testId="balances">
      {query.isPending ? (
        <Loading />
      ) : query.error || !b ? (
        <ErrorAlert error={error} />
      ) : (
        <>
          <ul className="bz-stats">
            {tiles(b).map((t) => (
              <li key={t.key}>
                <div className="bz-stat" data-testid={`balance-${t.key}`}>
                  <span className={`bz-stat__value${t.value < 0 ? " bz-text-danger" : ""}`}>
                    {formatRupees(t.value)}
                  </span>
                  <span className="bz-stat__label">{t.label}</span>
                  <span className="bz-muted bz-small">{t.hint}</span>
                </div>
              </li>
            ))}
          </ul>
          <p className="bz-mt bz-small">
            {b.withdrawable > 0 ? (
              <>
                You can withdraw up to <strong>{formatRupees(b.withdrawable)}</strong>.{" "}
                <Link to="/payouts">Request a payout</Link>
              </>
            ) : (
              <Link to="/payouts">Your payouts</Link>
            )}
          </p>
        </>
      )}
    </Card>
  );
}

/** Delivered sub-orders whose money is still pending, soonest release first. */
export function ReleasesCard({ balances }: { balances: SellerBalancesDto | undefined }) {
  if (!balances) return null;
  const { releases } = balances;
  return (
    <Card title="Pending until" testId="releases">
      {releases.length === 0 ? (
        <p className="bz-empty">
          Nothing pending: the money of every delivered order is available once its return window closes.
        </p>
      ) : (
        <>
          <p className="bz-muted bz-small">
            Money from a delivered order becomes available when its return window closes, in case the buyer
            returns something.
          </p>
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="releases-table">
              <thead>
                <tr>
                  <th>Order</th>
                  <th className="bz-align-right">Pending</th>
                  <th>Delivered</th>
                  <th>Available from</th>
                </tr>
              </thead>
              <tbody>
                {releases.map((r) => (
                  <tr key={r.subOrderId} data-testid="release-row">
                    <td className="bz-mono">{r.subOrderNumber}</td>
                    <td className="bz-align-right bz-nowrap">{formatRupees(r.amount)}</td>
                    <td className="bz-nowrap">{r.deliveredAt ? formatDateTime(r.deliveredAt) : "—"}</td>
                    <td className="bz-nowrap">
                      <strong>{formatDateTime(r.releaseAt)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {releases.length >= 50 && (
            <p className="bz-muted bz-small">
              The 50 soonest are shown; the rest follow as these are released.
            </p>
          )}
        </>
      )}
    </Card>
  );
}
