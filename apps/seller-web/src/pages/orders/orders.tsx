import { useFormError, useOrderUpdates, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import { type Page as ListPage, type SellerSubOrderDto, SubOrderStatus } from "@bazaar/schemas";
import {
  Alert,
  Button,
  Card,
  ErrorAlert,
  FilterTabs,
  InvoiceButton,
  Loading,
  LoadMore,
  OrderItemList,
  OrderSums,
  OrderTimeline,
  Page,
  PaymentStatusTag,
  paymentMethodLabel,
  ReasonDialog,
  ShippingAddress,
  SubOrderStatusTag,
} from "@bazaar/ui";
import { type InfiniteData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { BOARD_TABS, type SellerAction, sellerActions } from "./order-actions";
import { ShipDialog } from "./ship-dialog";

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

/** After a move: the answer replaces the card at once, then the lists are read again. */
function useSubOrderChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async (updated: SellerSubOrderDto) => {
    queryClient.setQueriesData<InfiniteData<ListPage<SellerSubOrderDto>>>(
      trpc.seller.orders.list.pathFilter(),
      (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({
                ...p,
                items: p.items.map((s) => (s.id === updated.id ? updated : s)),
              })),
            }
          : data,
    );
    await queryClient.invalidateQueries(trpc.seller.orders.list.pathFilter());
  };
}

function OrderCard({
  subOrder: s,
  onNotice,
}: {
  subOrder: SellerSubOrderDto;
  onNotice: (m: string | null) => void;
}) {
  const trpc = useTRPC();
  const changed = useSubOrderChanged();
  const [asking, setAsking] = useState<SellerAction["asks"]>(null);
  const advance = useMutation(
    trpc.seller.orders.advance.mutationOptions({
      onMutate: () => onNotice(null),
      onSuccess: async (updated) => {
        setAsking(null);
        if (updated.status === "cancelled")
          onNotice(`${updated.number} is cancelled. The customer has been told.`);
        await changed(updated);
      },
    }),
  );
  const error = useFormError(advance.error);
  const actions = sellerActions(s.nextStatuses);
  const act = (action: SellerAction) => {
    advance.reset();
    if (action.asks) setAsking(action.asks);
    else advance.mutate({ subOrderId: s.id, to: action.to });
  };
  const o = s.order;

  return (
    <article className="bz-card" aria-label={`Order ${s.number}`} data-testid="seller-order">
      <div className="bz-part__head">
        <div>
          <h2 className="bz-card__title bz-mono">{s.number}</h2>
          <span className="bz-muted bz-small">
            Ordered {formatDateTime(o.createdAt)} · {paymentMethodLabel(o.paymentMethod)}{" "}
            <PaymentStatusTag status={o.paymentStatus} />
          </span>
        </div>
        <SubOrderStatusTag status={s.status} />
      </div>
      {s.status === "placed" && (
        <p className="bz-small bz-text-warning">
          Waiting for the customer to pay online. Do not pack it until it is confirmed.
        </p>
      )}
      {s.status === "cancelled" && s.cancelReason && (
        <p className="bz-small bz-text-danger" data-testid="cancel-reason">
          Cancelled: {s.cancelReason}
        </p>
      )}
      <div className="bz-part__columns">
        <div>
          <OrderItemList items={s.items} showSku />
          <OrderSums amounts={s} />
        </div>
        <div>
          <h3>Ship to</h3>
          <ShippingAddress address={s.shipTo} testId="ship-to" />
          {(s.carrier || s.trackingNumber) && (
            <dl className="bz-facts bz-mt">
              <dt>Carrier</dt>
              <dd data-testid="carrier">{s.carrier ?? "—"}</dd>
              <dt>Tracking number</dt>
              <dd className="bz-mono" data-testid="tracking-number">
                {s.trackingNumber ?? "—"}
              </dd>
            </dl>
          )}
          <div className="bz-part__section">
            <h3>Progress</h3>
            <OrderTimeline events={s.timeline} showActor />
          </div>
        </div>
      </div>
      {error && !asking && <ErrorAlert error={error} />}
      <div className="bz-form-actions bz-mt" data-testid="order-actions">
        {actions.map((a) => (
          <Button
            key={a.to}
            variant={a.to === "cancelled" ? "danger" : "primary"}
            className="bz-button--small"
            onClick={() => act(a)}
            pending={advance.isPending && !asking && advance.variables?.to === a.to}
            pendingLabel="Saving…"
            disabled={advance.isPending}
            data-testid={`advance-${a.to}`}
          >
            {a.label}
          </Button>
        ))}
        <InvoiceButton subOrder={s} />
      </div>

      <ShipDialog
        open={asking === "shipment"}
        number={s.number}
        pending={advance.isPending}
        error={error}
        onSubmit={(shipment) => advance.mutate({ subOrderId: s.id, to: "shipped", ...shipment })}
        onClose={() => setAsking(null)}
      />
      <ReasonDialog
        open={asking === "reason"}
        title={`Cancel ${s.number}?`}
        intro={
          o.paymentStatus === "paid"
            ? "The customer is told why and refunded in full, and the stock goes back on sale."
            : "The customer is told why, and the stock goes back on sale."
        }
        field="note"
        hint="The customer sees this."
        submitLabel="Cancel this order"
        pending={advance.isPending}
        error={error}
        onSubmit={(note) => advance.mutate({ subOrderId: s.id, to: "cancelled", note })}
        onClose={() => setAsking(null)}
        testId="cancel-dialog"
      />
    </article>
  );
}
