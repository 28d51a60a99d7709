import { useFormError } from "@bazaar/client";
import type { OrderDto } from "@bazaar/schemas";
import { Card, ErrorAlert, Loading, Page } from "@bazaar/ui";
import { Link } from "react-router";
import type { usePayment } from "../orders/use-payment";

/** Once placed, the cart is empty: what matters now is the payment. */
export function CheckoutPaying({
  order,
  payment,
}: {
  order: OrderDto;
  payment: ReturnType<typeof usePayment>;
}) {
  const payError = useFormError(payment.error);
  return (
    <Page title="Checkout">
      <Card testId="checkout-paying">
        {payment.error ? (
          <>
            <ErrorAlert error={payError} />
            <p>
              Your order {order.number} is placed and waits for its payment.{" "}
              <Link to={`/orders/${order.id}`}>Go to your order</Link> to pay.
            </p>
          </>
        ) : (
          <Loading
            label={
              payment.confirming
                ? "Confirming your payment…"
                : payment.leaving
                  ? "Taking you to the payment page…"
                  : payment.opening
                    ? "Opening Razorpay…"
                    : "Complete your payment in the Razorpay window…"
            }
          />
        )}
      </Card>
    </Page>
  );
}
