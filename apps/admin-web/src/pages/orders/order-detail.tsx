import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { AdminOrderDto, SubOrderDto } from "@bazaar/schemas";
import {
  Alert,
  Button,
  Card,
  ErrorAlert,
  InvoiceButton,
  Loading,
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
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { adminMayCancel } from "./order-values";

const AllOrders = () => (
  <Link to="/orders" className="bz-button bz-button--secondary">
    All orders
  </Link>
);

/** One order in full: the customer, the payment and refunds, and each shop's part with its timeline. */
export function OrderDetailPage() {
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const order = useQuery(trpc.admin.orders.byId.queryOptions({ orderId: id }));
  const error = useFormError(order.error);
  if (order.error)
    return (
      <Page title="Order" actions={<AllOrders />}>
        <ErrorAlert error={error} />
      </Page>
    );
  if (!order.data) return <Loading />;
  return <OrderView order={order.data} />;
}

function OrderView({ order: o }: { order: AdminOrderDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [cancelling, setCancelling] = useState<{ subOrderId?: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cancel = useMutation(
    trpc.admin.orders.cancel.mutationOptions({
      onSuccess: async (updated, input) => {
        setCancelling(null);
        const part = input.subOrderId && o.subOrders.find((s) => s.id === input.subOrderId);
        setNotice(
          `${part ? `${part.number} from ${part.seller.shopName} is` : `Order ${o.number} is`} cancelled. ` +
            "The customer and the shop have been told. Anything paid online is refunded shortly; the refunded amount shows here once the gateway has taken it.",
        );
        queryClient.setQueryData(trpc.admin.orders.byId.queryKey({ orderId: o.id }), updated);
        await queryClient.invalidateQueries(trpc.admin.orders.list.pathFilter());
      },
    }),
  );
  const cancelError = useFormError(cancel.error);
  const open = (subOrderId?: string) => {
    cancel.reset();
    setNotice(null);
    setCancelling(subOrderId ? { subOrderId } : {});
  };
  const cancellable = o.subOrders.filter((s) => adminMayCancel(s.status));
  const target = cancelling?.subOrderId ? o.subOrders.find((s) => s.id === cancelling.subOrderId) : null;

  return (
    <Page
      title={`Order ${o.number}`}
      description={`Placed ${formatDateTime(o.createdAt)}`}
      actions={
        <>
          {cancellable.length > 0 && (
            <Button variant="danger" onClick={() => open()} data-testid="cancel-order">
              Cancel order
            </Button>
          )}
          <AllOrders />
        </>
      }
    >
      {notice && (
        <Alert tone="success" testId="order-notice">
          {notice}
        </Alert>
      )}
      <div className="bz-grid">
        <Card title="Customer" testId="order-customer">
          <p>
            <strong>{o.customer.name}</strong>
            <br />
            <a href={`mailto:${o.customer.email}`}>{o.customer.email}</a>
          </p>
        </Card>
        <Card title="Payment" testId="order-payment">
          <dl className="bz-facts">
            <dt>Method</dt>
            <dd>{paymentMethodLabel(o.paymentMethod)}</dd>
            <dt>Status</dt>
            <dd>
              <PaymentStatusTag status={o.paymentStatus} />
            </dd>
            <dt>Total</dt>
            <dd>{formatRupees(o.total)}</dd>
            <dt>Refunded</dt>
            <dd data-testid="order-refunded">{formatRupees(o.refundedAmount)}</dd>
            {o.paidAt && (
              <>
                <dt>Paid</dt>
                <dd>{formatDateTime(o.paidAt)}</dd>
              </>
            )}
            {o.paymentStatus === "pending" && o.expiresAt && (
              <>
                <dt>Expires</dt>
                <dd>{formatDateTime(o.expiresAt)}</dd>
              </>
            )}
            {o.couponCode && (
              <>
                <dt>Coupon</dt>
                <dd className="bz-mono">{o.couponCode}</dd>
              </>
            )}
          </dl>
        </Card>
        <Card title="Delivery address">
          <ShippingAddress address={o.shippingAddress} testId="shipping-address" />
        </Card>
      </div>
      {o.subOrders.map((s) => (
        <PartCard
          key={s.id}
          subOrder={s}
          onCancel={adminMayCancel(s.status) ? () => open(s.id) : undefined}
        />
      ))}
      <Card title="Order total">
        <OrderSums amounts={o} />
      </Card>

      <ReasonDialog
        open={cancelling !== null}
        title={
          target ? `Cancel ${target.number} from ${target.seller.shopName}?` : `Cancel order ${o.number}?`
        }
        intro={
          target
            ? "Only this shop's part is cancelled; the rest of the order goes ahead. If it was paid for, its total is refunded."
            : "Every part not yet delivered is cancelled. Whatever was paid for them is refunded."
        }
        field="reason"
        hint="The customer and the shop are told this, and it is kept in the audit log."
        submitLabel={target ? "Cancel this part" : "Cancel order"}
        pending={cancel.isPending}
        error={cancelError}
        onSubmit={(reason) =>
          cancel.mutate({ orderId: o.id, reason, ...(target && { subOrderId: target.id }) })
        }
        onClose={() => setCancelling(null)}
        testId="cancel-dialog"
      />
    </Page>
  );
}

function PartCard({ subOrder: s, onCancel }: { subOrder: SubOrderDto; onCancel?: (() => void) | undefined }) {
  return (
    <section className="bz-card" aria-label={`${s.number} from ${s.seller.shopName}`} data-testid="sub-order">
      <div className="bz-part__head">
        <div>
          <h2 className="bz-card__title">
            <Link to={`/sellers/${s.seller.id}`}>{s.seller.shopName}</Link>
          </h2>
          <span className="bz-muted bz-small bz-mono">{s.number}</span>
        </div>
        <SubOrderStatusTag status={s.status} />
      </div>
      {s.cancelReason && (
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
          <h3>Timeline</h3>
          <OrderTimeline events={s.timeline} showActor />
          {(s.carrier || s.trackingNumber) && (
            <dl className="bz-facts bz-mt">
              <dt>Carrier</dt>
              <dd>{s.carrier ?? "—"}</dd>
              <dt>Tracking number</dt>
              <dd className="bz-mono">{s.trackingNumber ?? "—"}</dd>
            </dl>
          )}
          <p className="bz-small">
            <a href={s.trackingUrl} target="_blank" rel="noreferrer">
              Public tracking page
            </a>
          </p>
        </div>
      </div>
      <div className="bz-form-actions bz-mt">
        <InvoiceButton subOrder={s} />
        {s.invoiceNumber && <span className="bz-muted bz-small bz-mono">{s.invoiceNumber}</span>}
        {onCancel && (
          <Button variant="danger" className="bz-button--small" onClick={onCancel} data-testid="cancel-part">
            Cancel this part
          </Button>
        )}
      </div>
    </section>
  );
}
