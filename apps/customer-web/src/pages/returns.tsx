import { useFormError, useOrderUpdates, useTRPC } from "@bazaar/client";
import { formatDate, formatRupees } from "@bazaar/client/format";
import { ReturnStatus, type ReturnSummaryDto } from "@bazaar/schemas";
import {
  Card,
  ErrorAlert,
  FilterTabs,
  itemCount,
  Loading,
  LoadMore,
  Page,
  ReturnStatusTag,
  refundStatusLabel,
} from "@bazaar/ui";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { RETURN_TABS } from "../returns/return-labels";
import { useStatusParam } from "./use-status-param";

/** `/returns`: the customer's returns, newest first, filtered by status in the address. */
export function ReturnsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useStatusParam(ReturnStatus);
  const returns = useInfiniteQuery(
    trpc.returns.list.infiniteQueryOptions(
      { limit: 20, ...(status && { status }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  useOrderUpdates({
    onUpdate: (event) => {
      if (!event || event.return) void queryClient.invalidateQueries(trpc.returns.list.pathFilter());
    },
  });
  const error = useFormError(returns.error);
  const rows = returns.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page
      title="Your returns"
      description="Return delivered items from an order's page, within the shop's return window."
      actions={
        <Link to="/orders" className="bz-button bz-button--secondary">
          Your orders
        </Link>
      }
    >
      <FilterTabs
        label="Return status"
        tabs={RETURN_TABS}
        current={status}
        href={(v) => (v ? `/returns?status=${v}` : "/returns")}
      />
      {returns.isPending ? (
        <Loading />
      ) : returns.error ? (
        <ErrorAlert error={error} />
      ) : rows.length === 0 ? (
        <Card>
          <p className="bz-empty" data-testid="returns-empty">
            {status ? "No returns here." : "You have not returned anything."}{" "}
            {!status && <Link to="/orders?status=delivered">See delivered orders</Link>}
          </p>
        </Card>
      ) : (
        <ul className="bz-board" data-testid="returns">
          {rows.map((r) => (
            <ReturnRow key={r.id} ret={r} />
          ))}
        </ul>
      )}
      <LoadMore query={returns} />
    </Page>
  );
}

function ReturnRow({ ret: r }: { ret: ReturnSummaryDto }) {
  return (
    <li>
      <Card className="bz-order-card" testId="return-row">
        {r.imageUrl ? (
          <img src={r.imageUrl} alt="" className="bz-thumb" />
        ) : (
          <span className="bz-thumb bz-thumb--empty" aria-hidden="true" />
        )}
        <div className="bz-row__main">
          <Link to={`/returns/${r.id}`}>
            <strong>Return {r.number}</strong>
          </Link>{" "}
          <ReturnStatusTag status={r.status} />
          <p className="bz-muted bz-small">
            {itemCount(r.itemCount)} from {r.shopName} · order{" "}
            <Link to={`/orders/${r.orderId}`} className="bz-mono">
              {r.orderNumber}
            </Link>{" "}
            · asked {formatDate(r.requestedAt)}
          </p>
        </div>
        <div className="bz-order-card__total">
          <div data-testid="return-row-amount">{formatRupees(r.refundAmount)}</div>
          {/* Only while money is moving: "Refund owed", "Refund in progress", "Refund failed". */}
          {(r.refundStatus === "pending" || r.refundStatus === "owed" || r.refundStatus === "failed") && (
            <span className="bz-small bz-muted" data-testid="return-row-refund">
              {refundStatusLabel(r.refundStatus)}
            </span>
          )}
        </div>
      </Card>
    </li>
  );
}
