import { useFormError, useOrderUpdates, useTRPC } from "@bazaar/client";
import { SubOrderStatus } from "@bazaar/schemas";
import { Alert, Card, ErrorAlert, FilterTabs, Loading, LoadMore, Page } from "@bazaar/ui";
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { BOARD_TABS } from "./order-actions";
import { OrderCard } from "./order-card";

/**
 * The seller's orders: each shop's part of a customer's order, moved along one step at a
 * time (pack, ship, out for delivery, delivered) or cancelled with a reason. New orders and
 * changes made elsewhere arrive live.
 */
export function OrdersPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const parsed = SubOrderStatus.safeParse(params.get("status") ?? undefined);
  const status = parsed.success ? parsed.data : "";
  const orders = useInfiniteQuery(
    trpc.seller.orders.list.infiniteQueryOptions(
      { limit: 20, ...(status && { status }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const live = useOrderUpdates({
    onUpdate: () => void queryClient.invalidateQueries(trpc.seller.orders.list.pathFilter()),
  });
  const error = useFormError(orders.error);
  const rows = orders.data?.pages.flatMap((p) => p.items) ?? [];
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <Page
      title="Orders"
      description="Pack, ship and deliver what customers bought from your shop. Customers are emailed at every step."
      actions={live === "pending" && <span className="bz-live bz-live--on">Live updates</span>}
    >
      {notice && (
        <Alert tone="success" testId="orders-notice">
          {notice}
        </Alert>
      )}
      <FilterTabs
        label="Order status"
        tabs={BOARD_TABS}
        current={status}
        href={(v) => (v ? `/orders?status=${v}` : "/orders")}
      />
      {orders.isPending ? (
        <Loading />
      ) : orders.error ? (
        <ErrorAlert error={error} />
      ) : rows.length === 0 ? (
        <Card>
          <p className="bz-empty">{status ? "No orders here." : "No orders yet."}</p>
        </Card>
      ) : (
        <ul className="bz-board" data-testid="seller-orders">
          {rows.map((s) => (
            <li key={s.id}>
              <OrderCard subOrder={s} onNotice={setNotice} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore query={orders} />
    </Page>
  );
}
