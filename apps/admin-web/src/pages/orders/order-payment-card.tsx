import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { AdminOrderDto } from "@bazaar/schemas";
import { Card, PaymentStatusTag, paymentMethodLabel } from "@bazaar/ui";

/** How the order is paid, what was refunded, when it was paid or when the wait for payment ends. */
export function OrderPaymentCard({ order: o }: { order: AdminOrderDto }) {
  return (
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
  );
}
