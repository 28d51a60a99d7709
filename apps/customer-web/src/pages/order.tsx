import { useFormError, useOrderUpdates, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { OrderDto, SubOrderDto } from "@bazaar/schemas";
import {
  Alert,
  Button,
  Card,
  ErrorAlert,
  InvoiceButton,
  itemCount,
  Loading,
  OrderItemList,
  OrderSums,
  OrderTimeline,
  Page,
  paymentMethodLabel,
  ReasonDialog,
  ShippingAddress,
  SubOrderStatusTag,
} from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import { cancelOptions, cancelSummary, paymentBanner, trackingQrSrc } from "../orders/order-rules";
import { type PaymentReturn, readPaymentReturn, withoutPaymentReturn } from "../orders/payment-return";
import { useOrderChanged, usePayment } from "../orders/use-payment";

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
  <Link to="/orders" className="bz-button bz-button--secondary">
    All orders
  </Link>
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

function OrderView({
  order: o,
  returned,
  live,
}: {
  order: OrderDto;
  returned: PaymentReturn | null;
  live: boolean;
}) {
  const trpc = useTRPC();
  const changed = useOrderChanged();
  const placed = (useLocation().state as { placed?: boolean } | null)?.placed === true;
  const [failure, setFailure] = useState(returned?.kind === "failure" ? returned : null);
  const [notice, setNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<{ subOrderId?: string } | null>(null);

  const payment = usePayment({});
  const confirmOnce = useRef(false);
  useEffect(() => {
    if (returned?.kind !== "success" || confirmOnce.current) return;
    confirmOnce.current = true;
    payment.confirm({
      razorpayOrderId: returned.razorpayOrderId,
      razorpayPaymentId: returned.razorpayPaymentId,
      signature: returned.signature,
    });
  }, [returned, payment.confirm]);
  const start = useMutation(
    trpc.payments.start.mutationOptions({
      onMutate: () => setFailure(null),
      onSuccess: async (fresh) => {
        await changed(fresh);
        await payment.pay(fresh);
      },
    }),
  );
  const payError = useFormError(start.error ?? payment.error);

  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: async (updated, input) => {
        setNotice(cancelSummary(o, input.subOrderId).done);
        setCancelling(null);
        await changed(updated);
      },
    }),
  );
  const cancelError = useFormError(cancel.error);
  const openCancel = (subOrderId?: string) => {
    cancel.reset();
    setNotice(null);
    setCancelling(subOrderId ? { subOrderId } : {});
  };

  const banner = paymentBanner(o);
  const options = cancelOptions(o);
  const summary = cancelling ? cancelSummary(o, cancelling.subOrderId) : null;
  const items = o.subOrders.reduce((n, s) => n + s.items.reduce((m, i) => m + i.qty, 0), 0);
  const payButton = (label: string) => (
    <Button
      onClick={() => start.mutate({ orderId: o.id })}
      pending={start.isPending || payment.pending}
      pendingLabel={payment.leaving ? "Opening payment page…" : "Starting payment…"}
      data-testid="pay"
    >
      {label}
    </Button>
  );

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
      {notice && (
        <Alert tone="success" testId="order-notice">
          {notice}
        </Alert>
      )}
      {payment.confirming && <Loading label="Confirming your payment…" />}
      {payment.confirmed && (
        <Alert tone="success" title="Payment received" testId="payment-confirmed">
          Thank you! Your order is confirmed and the shops have been told.
        </Alert>
      )}
      {failure && o.paymentStatus === "pending" && (
        <Alert tone="error" title="Payment failed" testId="payment-failed">
          <p>{failure.description}</p>
          {payButton("Pay again")}
        </Alert>
      )}
      <ErrorAlert error={payError} />
      <Alert tone={banner.tone} title={banner.title} testId="payment-status">
        {banner.text}
        {banner.canPay && !failure && <div className="bz-mt">{payButton("Pay now")}</div>}
      </Alert>

      <div className="bz-cart bz-mt">
        <div>
          {o.subOrders.map((s) => (
            <SubOrderCard
              key={s.id}
              subOrder={s}
              onCancel={options.parts.includes(s.id) ? () => openCancel(s.id) : undefined}
            />
          ))}
        </div>
        <aside className="bz-cart__aside">
          <Card title="Delivery address">
            <ShippingAddress address={o.shippingAddress} testId="shipping-address" />
          </Card>
          <Card title="Order total" testId="order-summary">
            {o.couponCode && (
              <p className="bz-small">
                Coupon <strong className="bz-mono">{o.couponCode}</strong>
              </p>
            )}
            <OrderSums amounts={o} />
            {options.wholeOrder && (
              <div className="bz-buy">
                <Button variant="danger" onClick={() => openCancel()} data-testid="cancel-order">
                  Cancel order
                </Button>
                <p className="bz-muted bz-small">You can cancel until the shops pack your items.</p>
              </div>
            )}
          </Card>
        </aside>
      </div>

      <ReasonDialog
        open={cancelling !== null}
        title={summary?.title ?? "Cancel"}
        intro={summary?.intro}
        required={false}
        field="reason"
        hint="Optional. It helps the shop do better."
        submitLabel={cancelling?.subOrderId ? "Cancel these items" : "Cancel order"}
        pending={cancel.isPending}
        error={cancelError}
        onSubmit={(reason) =>
          cancel.mutate({
            orderId: o.id,
            ...(cancelling?.subOrderId && { subOrderId: cancelling.subOrderId }),
            ...(reason && { reason }),
          })
        }
        onClose={() => setCancelling(null)}
        testId="cancel-dialog"
      />
    </Page>
  );
}

function SubOrderCard({
  subOrder: s,
  onCancel,
}: {
  subOrder: SubOrderDto;
  onCancel?: (() => void) | undefined;
}) {
  const shipped = s.carrier !== null || s.trackingNumber !== null;
  return (
    <section className="bz-card" data-testid="sub-order" aria-label={`Items from ${s.seller.shopName}`}>
      <div className="bz-part__head">
        <div>
          <h2 className="bz-card__title">
            From <Link to={`/shop/${s.seller.slug}`}>{s.seller.shopName}</Link>
          </h2>
          <span className="bz-muted bz-small bz-mono">{s.number}</span>
        </div>
        <SubOrderStatusTag status={s.status} />
      </div>
      {s.status === "cancelled" && s.cancelReason && (
        <p className="bz-small bz-text-danger" data-testid="cancel-reason">
          Cancelled: {s.cancelReason}
        </p>
      )}
      <div className="bz-part__columns">
        <div>
          <OrderItemList items={s.items} />
          <OrderSums amounts={s} totalLabel={`Total from ${s.seller.shopName}`} />
        </div>
        <div>
          <h3>Progress</h3>
          <OrderTimeline events={s.timeline} />
          {s.status !== "cancelled" && s.status !== "placed" && (
            <div className="bz-part__section" data-testid="delivery">
              <h3>Delivery</h3>
              {shipped ? (
                <dl className="bz-facts">
                  <dt>Carrier</dt>
                  <dd data-testid="carrier">{s.carrier ?? "—"}</dd>
                  <dt>Tracking number</dt>
                  <dd className="bz-mono" data-testid="tracking-number">
                    {s.trackingNumber ?? "—"}
                  </dd>
                </dl>
              ) : (
                <p className="bz-muted bz-small">The carrier and tracking number appear once it ships.</p>
              )}
              <div className="bz-qr">
                <img
                  src={trackingQrSrc(s.trackingCode)}
                  alt="QR code to track this delivery"
                  width={144}
                  height={144}
                />
                <Link to={`/track/${s.trackingCode}`} className="bz-small">
                  Tracking page to share
                </Link>
              </div>
            </div>
          )}
        </div>
      </div>
      <div className="bz-form-actions bz-mt">
        <InvoiceButton subOrder={s} />
        {onCancel && (
          <Button variant="danger" className="bz-button--small" onClick={onCancel} data-testid="cancel-part">
            Cancel items from {s.seller.shopName}
          </Button>
        )}
      </div>
    </section>
  );
}
