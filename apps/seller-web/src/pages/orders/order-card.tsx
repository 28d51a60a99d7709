import { formatDateTime } from "@bazaar/client/format";
import type { SellerSubOrderDto } from "@bazaar/schemas";
import {
  Button,
  ErrorAlert,
  InvoiceButton,
  OrderItemList,
  OrderSums,
  OrderTimeline,
  PaymentStatusTag,
  paymentMethodLabel,
  ReasonDialog,
  ShippingAddress,
  SubOrderStatusTag,
} from "@bazaar/ui";
import { sellerActions } from "./order-actions";
import { ShipDialog } from "./ship-dialog";
import { useAdvanceOrder } from "./use-advance-order";

/** One part of a customer's order: what to send where, its progress, and the next steps. */
export function OrderCard({
  subOrder: s,
  onNotice,
}: {
  subOrder: SellerSubOrderDto;
  onNotice: (m: string | null) => void;
}) {
  const step = useAdvanceOrder(s, onNotice);
  const { advance, asking, error } = step;
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
      <OrderCardColumns subOrder={s} />
      {error && !asking && <ErrorAlert error={error} />}
      <div className="bz-form-actions bz-mt" data-testid="order-actions">
        {sellerActions(s.nextStatuses).map((a) => (
          <Button
            key={a.to}
            variant={a.to === "cancelled" ? "danger" : "primary"}
            className="bz-button--small"
            onClick={() => step.act(a)}
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
        onClose={step.close}
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
        onClose={step.close}
        testId="cancel-dialog"
      />
    </article>
  );
}

/** Items and sums beside the address, shipment and progress. */
function OrderCardColumns({ subOrder: s }: { subOrder: SellerSubOrderDto }) {
  return (
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
  );
}
