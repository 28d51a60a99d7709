import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { AdminOrderDto } from "@bazaar/schemas";
import {
  Alert,
  Button,
  Card,
  ErrorAlert,
  Loading,
  OrderSums,
  Page,
  ReasonDialog,
  ShippingAddress,
} from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { historyHref } from "../audit/audit-values";
import { OrderPaymentCard } from "./order-payment-card";
import { adminMayCancel } from "./order-values";
import { PartCard } from "./part-card";
import { useCancelOrder } from "./use-cancel-order";

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
  const cancel = useCancelOrder(o);
  const cancellable = o.subOrders.filter((s) => adminMayCancel(s.status));
  const { target } = cancel;

  return (
    <Page
      title={`Order ${o.number}`}
      description={`Placed ${formatDateTime(o.createdAt)}`}
      actions={
        <>
          {cancellable.length > 0 && (
            <Button variant="danger" onClick={() => cancel.open()} data-testid="cancel-order">
              Cancel order
            </Button>
          )}
          <Link to={historyHref("order", o.id)} className="bz-button bz-button--secondary">
            History
          </Link>
          <AllOrders />
        </>
      }
    >
      {cancel.notice && (
        <Alert tone="success" testId="order-notice">
          {cancel.notice}
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
        <OrderPaymentCard order={o} />
        <Card title="Delivery address">
          <ShippingAddress address={o.shippingAddress} testId="shipping-address" />
        </Card>
      </div>
      {o.subOrders.map((s) => (
        <PartCard
          key={s.id}
          subOrder={s}
          onCancel={adminMayCancel(s.status) ? () => cancel.open(s.id) : undefined}
        />
      ))}
      <Card title="Order total">
        <OrderSums amounts={o} />
      </Card>

      <ReasonDialog
        open={cancel.asking}
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
        pending={cancel.pending}
        error={cancel.error}
        onSubmit={cancel.submit}
        onClose={cancel.close}
        testId="cancel-dialog"
      />
    </Page>
  );
}
