import type { OrderDto } from "@bazaar/schemas";
import { Alert, Button, ErrorAlert, Loading } from "@bazaar/ui";
import { paymentBanner } from "../orders/order-rules";
import type { OrderPayment } from "./use-order-payment";

/** Where the payment stands: confirming, confirmed, failed (with Pay again), and the banner. */
export function OrderPaymentAlerts({ order, pay }: { order: OrderDto; pay: OrderPayment }) {
  const { payment, failure } = pay;
  const banner = paymentBanner(order);
  return (
    <>
      {payment.confirming && <Loading label="Confirming your payment…" />}
      {payment.confirmed && (
        <Alert tone="success" title="Payment received" testId="payment-confirmed">
          Thank you! Your order is confirmed and the shops have been told.
        </Alert>
      )}
      {failure && order.paymentStatus === "pending" && (
        <Alert tone="error" title="Payment failed" testId="payment-failed">
          <p>{failure.description}</p>
          <PayButton pay={pay} label="Pay again" />
        </Alert>
      )}
      <ErrorAlert error={pay.error} />
      <Alert tone={banner.tone} title={banner.title} testId="payment-status">
        {banner.text}
        {/* A Stripe order is paid in the card form below the banner. */}
        {banner.canPay && !failure && order.paymentMethod !== "stripe" && (
          <div className="bz-mt">
            <PayButton pay={pay} label="Pay now" />
          </div>
        )}
      </Alert>
    </>
  );
}

function PayButton({ pay, label }: { pay: OrderPayment; label: string }) {
  return (
    <Button
      onClick={pay.pay}
      pending={pay.pending}
      pendingLabel={pay.payment.leaving ? "Opening payment page…" : "Starting payment…"}
      data-testid="pay"
    >
      {label}
    </Button>
  );
}
