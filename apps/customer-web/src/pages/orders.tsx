import { useFormError, useOrderUpdates, useTRPC } from "@bazaar/client";
import { formatDate, formatRupees } from "@bazaar/client/format";
import { type OrderSummaryDto, SubOrderStatus } from "@bazaar/schemas";
import {
  Card,
  ErrorAlert,
  FilterTabs,
  itemCount,
  Loading,
  LoadMore,
  Page,
  PaymentStatusTag,
  SubOrderStatusTag,
} from "@bazaar/ui";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { useStatusParam } from "./use-status-param";

const TABS: { value: SubOrderStatus | ""; label: string }[] = [
  { value: "", label: "All" },
  { value: "placed", label: "Awaiting payment" },
  { value: "confirmed", label: "Confirmed" },
  { value: "packed", label: "Packed" },
  { value: "shipped", label: "Shipped" },
  { value: "out_for_delivery", label: "Out for delivery" },
  { value: "delivered", label: "Delivered" },
  { value: "cancelled", label: "Cancelled" },
];

/** `/orders`: the customer's orders, newest first, each with where every shop's part has got to. */
export function OrdersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useStatusParam(SubOrderStatus);
  const orders = useInfiniteQuery(
    trpc.orders.mine.infiniteQueryOptions(
      { limit: 20, ...(status && { status }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  useOrderUpdates({ onUpdate: () => void queryClient.invalidateQueries(trpc.orders.mine.pathFilter()) });
  const error = useFormError(orders.error);
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page
      title="Your orders"
      description="Each shop in an order packs and ships its items separately."
      actions={
        <Link to="/returns" className="bz-button bz-button--secondary">
          Your returns
        </Link>
      }
    >
      <FilterTabs
        label="Order status"
        tabs={TABS}
        current={status}
        href={(v) => (v ? `/orders?status=${v}` : "/orders")}
      />
      {orders.isPending ? (
        <Loading />
      ) : orders.error ? (
        <ErrorAlert error={error} />
      ) : rows.length === 0 ? (
        <Card>
          <p className="bz-empty">
            {status ? "No orders here." : "You have not ordered anything yet."}{" "}
            {!status && <Link to="/">Start shopping</Link>}
          </p>
        </Card>
      ) : (
        <ul className="bz-board" data-testid="orders">
          {rows.map((o) => (
            <OrderRow key={o.id} order={o} />
          ))}
        </ul>
      )}
      <LoadMore query={orders} />
    </Page>
  );
}

function OrderRow({ order: o }: { order: OrderSummaryDto }) {
  return (
    <li>
      <Card className="bz-order-card" testId="order-row">
        {o.imageUrl ? (
          <img src={o.imageUrl} alt="" className="bz-thumb" />
        ) : (
          <span className="bz-thumb bz-thumb--empty" aria-hidden="true" />
        )}
        <div className="bz-row__main">
          <Link to={`/orders/${o.id}`}>
            <strong>Order {o.number}</strong>
          </Link>
          <p className="bz-muted bz-small">
            {formatDate(o.createdAt)} · {itemCount(o.itemCount)}
          </p>
          <ul className="bz-order-card__parts">
            {o.subOrders.map((s) => (
              <li key={s.id} data-testid="order-row-part">
                {s.shopName} <SubOrderStatusTag status={s.status} />
              </li>
            ))}
          </ul>
        </div>
        <div className="bz-order-card__total">
          <div data-testid="order-row-total">{formatRupees(o.total)}</div>
          {o.subOrders.some((s) => s.status !== "cancelled") && <PaymentStatusTag status={o.paymentStatus} />}
        </div>
      </Card>
    </li>
  );
}
