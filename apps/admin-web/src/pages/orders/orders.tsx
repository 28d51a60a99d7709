import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { AdminOrderSummaryDto } from "@bazaar/schemas";
import {
  Card,
  ErrorAlert,
  Loading,
  LoadMore,
  Page,
  PaymentStatusTag,
  paymentMethodLabel,
  SubOrderStatusTag,
} from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useUrlFilters } from "../url-filters";
import { OrderFilterForm } from "./order-filter-form";
import { NO_FILTERS, orderFilterParams, orderListInput, readOrderFilters } from "./order-values";

/** Every order on the marketplace, newest first: find one by number or customer email, or filter. */
export function OrdersPage() {
  const trpc = useTRPC();
  const { applied, values, set, filtered, search, clear } = useUrlFilters({
    read: readOrderFilters,
    toParams: orderFilterParams,
    empty: NO_FILTERS,
  });
  const orders = useInfiniteQuery(
    trpc.admin.orders.list.infiniteQueryOptions(
      { limit: 20, ...orderListInput(applied) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(orders.error);
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page
      title="Orders"
      description="Every order, with each shop's part of it. Open one to see its timeline or cancel it."
    >
      <Card>
        <OrderFilterForm values={values} set={set} filtered={filtered} onSearch={search} onClear={clear} />
        {orders.isPending ? (
          <Loading />
        ) : orders.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty">{filtered ? "No orders match these filters." : "No orders yet."}</p>
        ) : (
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="orders-table">
              <thead>
                <tr>
                  <th>Order</th>
                  <th>Customer</th>
                  <th>Shops</th>
                  <th>Payment</th>
                  <th className="bz-align-right">Total</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((o) => (
                  <OrderRow key={o.id} order={o} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore query={orders} />
      </Card>
    </Page>
  );
}

function OrderRow({ order: o }: { order: AdminOrderSummaryDto }) {
  return (
    <tr data-testid="order-row">
      <td>
        <Link to={`/orders/${o.id}`}>
          <strong className="bz-mono">{o.number}</strong>
        </Link>
        <div className="bz-muted bz-small bz-nowrap">{formatDateTime(o.createdAt)}</div>
      </td>
      <td>
        {o.customer.name}
        <div className="bz-muted bz-small">{o.customer.email}</div>
      </td>
      <td>
        <ul className="bz-list bz-small">
          {o.subOrders.map((s) => (
            <li key={s.id}>
              {s.shopName} <SubOrderStatusTag status={s.status} />
            </li>
          ))}
        </ul>
      </td>
      <td>
        <div className="bz-small">{paymentMethodLabel(o.paymentMethod)}</div>
        <PaymentStatusTag status={o.paymentStatus} />
      </td>
      <td className="bz-align-right bz-nowrap">{formatRupees(o.total)}</td>
    </tr>
  );
}
