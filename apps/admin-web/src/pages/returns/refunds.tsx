import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { AdminReturnSummaryDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Loading, LoadMore, Page } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { MarkPaidDialog } from "./mark-paid-dialog";
import { owedTotal, unitCount } from "./return-values";

/**
 * Cash-on-delivery refunds Bazaar owes: the shop has the items back and the buyer is waiting
 * for money only an admin can send (UPI or bank transfer). Oldest problems are the buyer's
 * longest waits, so the whole queue is one list with "Mark paid" on each.
 */
export function RefundsPage() {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.admin.returns.list.infiniteQueryOptions(
      { limit: 20, refundOwed: true },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(list.error);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [paying, setPaying] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Page
      title="COD refunds owed"
      description="Returns paid cash on delivery: send the refund by UPI or bank transfer, then mark it paid with the reference."
      actions={
        <Link to="/returns" className="bz-button bz-button--secondary">
          All returns
        </Link>
      }
    >
      {notice && (
        <Alert tone="success" testId="refunds-notice">
          {notice}
        </Alert>
      )}
      <Card>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty" data-testid="refunds-empty">
            No refunds are owed. Every cash-on-delivery return is paid.
          </p>
        ) : (
          <>
            <p className="bz-muted" data-testid="refunds-total">
              {rows.length} refund{rows.length === 1 ? "" : "s"} shown, {formatRupees(owedTotal(rows))} in all
              {list.hasNextPage && " (more below)"}.
            </p>
            <div className="bz-table-wrap">
              <table className="bz-table" data-testid="refunds-table">
                <thead>
                  <tr>
                    <th>Return</th>
                    <th>Buyer</th>
                    <th>Pay to</th>
                    <th className="bz-align-right">Amount</th>
                    <th>
                      <span className="bz-visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <RefundRow key={r.id} ret={r} onPay={() => setPaying(r.id)} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <LoadMore query={list} />
      </Card>
      <MarkPaidDialog
        returnId={paying}
        onClose={() => setPaying(null)}
        onPaid={(message) => {
          setPaying(null);
          setNotice(message);
        }}
      />
    </Page>
  );
}

function RefundRow({ ret: r, onPay }: { ret: AdminReturnSummaryDto; onPay: () => void }) {
  return (
    <tr data-testid="refund-row">
      <td>
        <Link to={`/returns/${r.id}`}>
          <strong className="bz-mono">{r.number}</strong>
        </Link>
        <div className="bz-muted bz-small">
          {r.shopName} · {unitCount(r.itemCount)}
        </div>
        <div className="bz-muted bz-small bz-nowrap">updated {formatDateTime(r.updatedAt)}</div>
      </td>
      <td>
        {r.customer.name}
        <div className="bz-muted bz-small">{r.customer.email}</div>
      </td>
      <td className="bz-mono bz-small">{r.refundAccountLabel ?? "—"}</td>
      <td className="bz-align-right bz-nowrap">{formatRupees(r.refundAmount)}</td>
      <td className="bz-align-right">
        <Button className="bz-button--small" onClick={onPay} aria-label={`Mark ${r.number} paid`}>
          Mark paid…
        </Button>
      </td>
    </tr>
  );
}
