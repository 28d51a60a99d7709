import { useFormError, useOrderUpdates, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { OrderDto } from "@bazaar/schemas";
import {
  Alert,
  Button,
  Card,
  ErrorAlert,
  itemCount,
  Loading,
  OrderSums,
  Page,
  paymentMethodLabel,
  ReasonDialog,
  ShippingAddress,
} from "@bazaar/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { cancelOptions } from "../orders/order-rules";
import { type PaymentReturn, readPaymentReturn, withoutPaymentReturn } from "../orders/payment-return";
import { StripePayment } from "../orders/stripe-payment";
import { OrderPaymentAlerts } from "./order-payment-alerts";
import { SubOrderCard } from "./sub-order-card";
import { useAfterDelivery } from "./use-after-delivery";
import { useOrderCancel } from "./use-order-cancel";
import { useOrderPayment } from "./use-order-payment";

/**
 * `/orders/:id`: one order, each shop's part with its items, progress and delivery. Payment
 * pages come back here with their result in the address; status changes arrive live.
 */
export function OrderPage() {
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const order = useQuery(trpc.orders.byId.queryOptions({ orderId: id }));
  const live = useOrderUpdates({
    onUpdate: (event) => {
      if (event && event.orderId !== id) return;
      void queryClient.invalidateQueries(trpc.orders.byId.queryFilter({ orderId: id }));
      void queryClient.invalidateQueries(trpc.orders.mine.pathFilter());
    },
  });
  const error = useFormError(order.error);
  const returned = usePaymentReturn();

  if (order.error)
    return (
      <Page title="Your order" actions={<AllOrdersLink />}>
        <ErrorAlert error={error} />
      </Page>
    );
  if (!order.data) return <Loading />;
  return <OrderView order={order.data} returned={returned} live={live === "pending"} />;
}

const AllOrdersLink = () => (
  <>
    <Link to="/returns" className="bz-button bz-button--secondary">
      Your returns
    </Link>
    <Link to="/orders" className="bz-button bz-button--secondary">
      All orders
    </Link>
  </>
);

/**
 * The payment result in the address, read once; it is then taken out of the address so a
 * reload or a shared link does not hand it in again.
 */
function usePaymentReturn(): PaymentReturn | null {
  const [params, setParams] = useSearchParams();
  const [returned] = useState(() => readPaymentReturn(params));
  useEffect(() => {
    if (readPaymentReturn(params))
      setParams(withoutPaymentReturn(params), { replace: true, preventScrollReset: true });
  }, [params, setParams]);
  return returned;
}

/** The order with its payment state, each shop's part, the address and totals, and cancelling. */
function OrderView({
  order: o,
  returned,
  live,
}: {
  order: OrderDto;
  returned: PaymentReturn | null;
  live: boolean;
}) {
  const placed = (useLocation().state as { placed?: boolean } | null)?.placed === true;
  const pay = useOrderPayment(o, returned);
  const cancel = useOrderCancel(o);
  const options = cancelOptions(o);
  const { afterDelivery, dialogs } = useAfterDelivery(o);
  const items = o.subOrders.reduce((n, s) => n + s.items.reduce((m, i) => m + i.qty, 0), 0);

  return (
    <Page
      title={`Order ${o.number}`}
      description={`Placed ${formatDateTime(o.createdAt)} · ${itemCount(items)} · ${paymentMethodLabel(o.paymentMethod)}`}
      actions={
        <>
          {live && <span className="bz-live bz-live--on">Live updates</span>}
          <AllOrdersLink />
        </>
      }
    >
      {placed && o.paymentMethod === "cod" && (
        <Alert tone="success" title="Thank you! Your order is placed." testId="order-placed">
          We have emailed you the details. Each shop ships its items separately.
        </Alert>
      )}
      {cancel.notice && (
        <Alert tone="success" testId="order-notice">
          {cancel.notice}
        </Alert>
      )}
      <OrderPaymentAlerts order={o} pay={pay} />
      {o.paymentMethod === "stripe" && <StripePayment order={o} />}

      <div className="bz-cart bz-mt">
        <div>
          {o.subOrders.map((s) => (
            <SubOrderCard
              key={s.id}
              subOrder={s}
              onCancel={options.parts.includes(s.id) ? () => cancel.open(s.id) : undefined}
              afterDelivery={afterDelivery}
            />
          ))}
        </div>
        <aside className="bz-cart__aside">
          <Card title="Delivery address">
            <ShippingAddress address={o.shippingAddress} testId="shipping-address" />
          </Card>
          <OrderTotalCard order={o} onCancel={options.wholeOrder ? () => cancel.open() : undefined} />
        </aside>
      </div>

      <ReasonDialog
        open={cancel.cancelling !== null}
        title={cancel.summary?.title ?? "Cancel"}
        intro={cancel.summary?.intro}
        required={false}
        field="reason"
        hint="Optional. It helps the shop do better."
        submitLabel={cancel.cancelling?.subOrderId ? "Cancel these items" : "Cancel order"}
        pending={cancel.pending}
        error={cancel.error}
        onSubmit={cancel.submit}
        onClose={cancel.close}
        testId="cancel-dialog"
      />
      {dialogs}
    </Page>
  );
}

function OrderTotalCard({ order: o, onCancel }: { order: OrderDto; onCancel: (() => void) | undefined }) {
  return (
    <Card title="Order total" testId="order-summary">
      {o.couponCode && (
        <p className="bz-small">
          Coupon <strong className="bz-mono">{o.couponCode}</strong>
        </p>
      )}
      <OrderSums amounts={o} />
      {onCancel && (
        <div className="bz-buy">
          <Button variant="danger" onClick={onCancel} data-testid="cancel-order">
            Cancel order
          </Button>
          <p className="bz-muted bz-small">You can cancel until the shops pack your items.</p>
        </div>
      )}
    </Card>
  );
}
