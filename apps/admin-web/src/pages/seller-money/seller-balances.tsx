import { useFormError, useTRPC } from "@bazaar/client";
import { formatDate, formatRupees } from "@bazaar/client/format";
import { Card, ErrorAlert, Loading } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { AdjustBalanceForm } from "./adjust-balance";
import { SellerLedger } from "./seller-ledger";

/**
 * What Bazaar holds for this shop: pending (return windows still open), available, held by
 * an open payout, paid out; the releases to come; the ledger; and the admin's adjustment.
 */
export function SellerMoney({ sellerId }: { sellerId: string }) {
  const trpc = useTRPC();
  const balances = useQuery(trpc.admin.ledger.balances.queryOptions({ sellerId }));
  const error = useFormError(balances.error);
  const b = balances.data;
  return (
    <>
      <Card title="Balances" testId="seller-balances">
        {balances.isPending ? (
          <Loading />
        ) : !b ? (
          <ErrorAlert error={error} />
        ) : (
          <>
            <div className="bz-stats">
              <Stat label="Available" value={b.available} negative={b.available < 0} />
              <Stat label="Pending" value={b.pending} />
              <Stat label="In payout" value={b.inPayout} />
              <Stat label="Paid out" value={b.paidOut} />
              <Stat label="Lifetime sales" value={b.lifetimeSales} />
            </div>
            <p className="bz-muted bz-small">
              {b.openPayoutId ? (
                <>
                  A payout request is open.{" "}
                  <Link to={`/payouts?status=requested&seller=${sellerId}`}>See it in the payouts queue</Link>
                </>
              ) : (
                <>
                  Can withdraw {formatRupees(b.withdrawable)} now (minimum {formatRupees(b.minPayout)}).{" "}
                  <Link to={`/payouts?status=all&seller=${sellerId}`}>Its payouts</Link>
                </>
              )}
            </p>
            {b.releases.length > 0 && (
              <div className="bz-table-wrap">
                <table className="bz-table" aria-label="Pending releases" data-testid="seller-releases">
                  <thead>
                    <tr>
                      <th>Sub-order</th>
                      <th>Delivered</th>
                      <th>Available from</th>
                      <th className="bz-align-right">Amount</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.releases.map((r) => (
                      <tr key={r.subOrderId}>
                        <td className="bz-mono">{r.subOrderNumber}</td>
                        <td>{r.deliveredAt ? formatDate(r.deliveredAt) : "—"}</td>
                        <td>{formatDate(r.releaseAt)}</td>
                        <td className="bz-align-right">{formatRupees(r.amount)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Card>
      <AdjustBalanceForm sellerId={sellerId} />
      <SellerLedger sellerId={sellerId} />
    </>
  );
}

function Stat({ label, value, negative }: { label: string; value: number; negative?: boolean }) {
  return (
    <div className="bz-stat">
      <span className="bz-stat__label">{label}</span>
      <span className={`bz-stat__value${negative ? " bz-text-danger" : ""}`}>{formatRupees(value)}</span>
    </div>
  );
}
