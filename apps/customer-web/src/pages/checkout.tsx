import { useFormError, useTRPC } from "@bazaar/client";
import type { AddressDto, PaymentMethod } from "@bazaar/schemas";
import { Card, ErrorAlert, Loading, Page } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { useCart } from "../cart/use-cart";
import { CheckoutAddress } from "./checkout-address";
import { CheckoutGroup } from "./checkout-items";
import { CheckoutPaying } from "./checkout-paying";
import { CheckoutSummary } from "./checkout-summary";
import { usePlaceOrder } from "./use-place-order";

/** The address chosen, if it is still in the book; else the default; else the first. */
const pickAddress = (list: readonly AddressDto[], chosen: string | null) =>
  (chosen && list.some((a) => a.id === chosen) ? chosen : null) ??
  list.find((a) => a.isDefault)?.id ??
  list[0]?.id ??
  null;

/** `/checkout`: where to deliver, how to pay, and what the order comes to. */
export function CheckoutPage() {
  const trpc = useTRPC();
  const { cart } = useCart();
  const addresses = useQuery(trpc.addresses.list.queryOptions());
  const options = useQuery(trpc.checkout.paymentOptions.queryOptions());
  const [chosenAddress, setChosenAddress] = useState<string | null>(null);
  const [method, setMethod] = useState<PaymentMethod>("razorpay");
  const { place, payment, idempotencyKey } = usePlaceOrder();
  const error = useFormError(place.error);
  const listError = useFormError(cart.error ?? addresses.error ?? options.error);

  if (place.data) return <CheckoutPaying order={place.data} payment={payment} />;
  if (cart.error || addresses.error || options.error)
    return (
      <Page title="Checkout">
        <ErrorAlert error={listError} />
      </Page>
    );
  if (!cart.data || !addresses.data || !options.data) return <Loading />;

  const c = cart.data;
  if (c.groups.length === 0) return <EmptyCheckout />;

  const addressId = pickAddress(addresses.data, chosenAddress);
  // Only what the admin has on; a choice of cash on delivery that the cart no longer allows
  // falls back to the first way to pay online.
  const offered = options.data.methods;
  const usable = (m: PaymentMethod) => offered.includes(m) && (m !== "cod" || c.cod.available);
  const payWith: PaymentMethod = usable(method) ? method : (offered.find(usable) ?? method);
  const submit = () => {
    if (addressId) place.mutate({ addressId, paymentMethod: payWith, idempotencyKey });
  };

  return (
    <Page title="Checkout" description="Check where it goes and how you pay, then place your order.">
      <div className="bz-cart" data-testid="checkout">
        <div>
          <CheckoutAddress
            addresses={addresses.data}
            addressId={addressId}
            onChoose={setChosenAddress}
            error={error?.fieldErrors.addressId}
          />
          <Card title="Your items" testId="checkout-items">
            {c.groups.map((g) => (
              <CheckoutGroup key={g.seller.id} group={g} />
            ))}
          </Card>
        </div>
        <aside className="bz-cart__aside">
          <CheckoutSummary
            cart={c}
            offered={offered}
            payWith={payWith}
            onMethod={setMethod}
            hasAddress={addressId !== null}
            pending={place.isPending}
            error={error}
            onSubmit={submit}
          />
        </aside>
      </div>
    </Page>
  );
}

function EmptyCheckout() {
  return (
    <Page title="Checkout">
      <Card testId="checkout-empty">
        <p className="bz-empty">Your cart is empty, so there is nothing to order.</p>
        <div className="bz-form-actions bz-form-actions--center">
          <Link to="/" className="bz-button bz-button--primary">
            Continue shopping
          </Link>
        </div>
      </Card>
    </Page>
  );
}
