import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { AdminReturnSummaryDto } from "@bazaar/schemas";
import {
  Alert,
  Card,
  ErrorAlert,
  FilterTabs,
  Loading,
  LoadMore,
  Page,
  RefundStatusTag,
  ReturnStatusTag,
} from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { UrlSearchForm } from "../url-filters";
import { RETURN_TABS, type ReturnTab, readReturnTab, returnListInput, unitCount } from "./return-values";

const EMPTY: Record<ReturnTab, string> = {
  escalated: "No escalated returns wait for a decision.",
  requested: "No returns wait for a shop's answer.",
  approved: "No approved returns are on their way back.",
  rejected: "No rejected returns.",
  received: "No received returns wait for their refund.",
  refunded: "No refunded returns yet.",
  cancelled: "No cancelled returns.",
  all: "No returns yet.",
};

/**
 * Every return on the marketplace, newest first. Escalations come first: a buyer disputes a
 * shop's rejection and Bazaar decides, either way.
 */
export function ReturnsPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const tab = readReturnTab(params);
  const q = params.get("q")?.trim() ?? "";
  // From a seller's page: this shop's returns only (the shop's name comes with the rows).
  const seller = params.get("seller") ?? "";
  const list = useInfiniteQuery(
    trpc.admin.returns.list.infiniteQueryOptions(
      { limit: 20, ...returnListInput(tab, q, seller) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(list.error);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const href = (value: ReturnTab) => {
    const next = new URLSearchParams({ status: value });
    if (q) next.set("q", q);
    if (seller) next.set("seller", seller);
    return `/returns?${next}`;
  };

  return (
    <Page
      title="Returns"
      description="Buyers' returns across every shop. Escalated ones wait for Bazaar to decide."
      actions={
        <Link to="/refunds" className="bz-button bz-button--secondary">
          COD refunds owed
        </Link>
      }
    >
      {seller && (
        <Alert tone="info" testId="seller-filter">
          Showing one shop's returns{rows[0] ? `: ${rows[0].shopName}` : ""}.{" "}
          <Link to={`/returns?status=${tab}`}>Show every shop</Link>
        </Alert>
      )}
      <FilterTabs label="Return status" tabs={RETURN_TABS} current={tab} href={href} />
      <Card>
        <UrlSearchForm formLabel="Search returns" label="Return number" placeholder="RT-…" />
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty" data-testid="returns-empty">
            {q ? "No returns match this number." : EMPTY[tab]}
          </p>
        ) : (
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="returns-table">
              <thead>
                <tr>
                  <th>Return</th>
                  <th>Buyer</th>
                  <th>Shop</th>
                  <th>Status</th>
                  <th className="bz-align-right">Refund</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <ReturnRow key={r.id} ret={r} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore query={list} />
      </Card>
    </Page>
  );
}

function ReturnRow({ ret: r }: { ret: AdminReturnSummaryDto }) {
  return (
    <tr data-testid="return-row">
      <td>
        <Link to={`/returns/${r.id}`}>
          <strong className="bz-mono">{r.number}</strong>
        </Link>
        <div className="bz-muted bz-small bz-nowrap">
          {unitCount(r.itemCount)} · {formatDateTime(r.requestedAt)}
        </div>
        <div className="bz-muted bz-small">
          Order <Link to={`/orders/${r.orderId}`}>{r.orderNumber}</Link>
        </div>
      </td>
      <td>
        {r.customer.name}
        <div className="bz-muted bz-small">{r.customer.email}</div>
      </td>
      <td>{r.shopName}</td>
      <td>
        <ReturnStatusTag status={r.status} />
      </td>
      <td className="bz-align-right">
        <div className="bz-nowrap">{formatRupees(r.refundAmount)}</div>
        <RefundStatusTag status={r.refundStatus} />
        {r.refundMethod === "manual" && <div className="bz-muted bz-small">Cash on delivery</div>}
      </td>
    </tr>
  );
}
