import { toFormError, useFormError, useTRPC } from "@bazaar/client";
import { formatDiscount, formatRupees } from "@bazaar/client/format";
import type { AddressDto, CartDto, CartGroupDto, PaymentMethod } from "@bazaar/schemas";
import {
  Alert,
  Button,
  Card,
  ErrorAlert,
  Form,
  formatPhone,
  itemCount,
  Loading,
  Page,
  SumRow,
} from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { noticeText } from "../cart/cart-text";
import { useCart } from "../cart/use-cart";
import { newIdempotencyKey, sendsBackToCart } from "../orders/order-rules";
import { usePayment } from "../orders/use-payment";
import { AddressForm } from "./account/addresses";

const METHODS: { value: PaymentMethod; label: string; hint: string }[] = [
  { value: "razorpay", label: "Pay online", hint: "UPI, cards, net banking or wallets, through Razorpay." },
  { value: "cod", label: "Cash on delivery", hint: "Pay in cash when your order arrives." },
];

/**
 * `/checkout`: where to deliver, how to pay, and what the order comes to. One idempotency
 * key per visit, so a double click or a retried request can only ever place one order.
 */
export function CheckoutPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { cart } = useCart();
  const addresses = useQuery(trpc.addresses.list.queryOptions());
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [chosenAddress, setChosenAddress] = useState<string | null>(null);
  const [method, setMethod] = useState<PaymentMethod>("razorpay");
  const [adding, setAdding] = useState(false);

  const toOrder = (orderId: string, placed = false) =>
    navigate(`/orders/${orderId}`, { replace: true, state: placed ? { placed: true } : null });
  const payment = usePayment({ onPaid: (o) => toOrder(o.id), onDismiss: (o) => toOrder(o.id) });
  const place = useMutation(
    trpc.checkout.placeOrder.mutationOptions({
      onSuccess: async (order) => {
        queryClient.setQueryData(trpc.orders.byId.queryKey({ orderId: order.id }), order);
        void queryClient.invalidateQueries(trpc.orders.mine.pathFilter());
        void queryClient.invalidateQueries(trpc.cart.get.queryFilter());
        if (order.paymentMethod === "razorpay" && order.payment) await payment.pay(order);
        else toOrder(order.id, true);
      },
      onError: async (error) => {
        const { reason, message } = toFormError(error);
        if (!sendsBackToCart(reason)) return;
        await queryClient.invalidateQueries(trpc.cart.get.queryFilter());
        navigate("/cart", { state: { checkoutMessage: message } });
      },
    }),
  );
  const error = useFormError(place.error);
  const payError = useFormError(payment.error);
  const listError = useFormError(cart.error ?? addresses.error);

  // Once placed, the cart is empty: what matters now is the payment.
  if (place.data)
    return (
      <Page title="Checkout">
        <Card testId="checkout-paying">
          {payment.error ? (
            <>
              <ErrorAlert error={payError} />
              <p>
                Your order {place.data.number} is placed and waits for its payment.{" "}
                <Link to={`/orders/${place.data.id}`}>Go to your order</Link> to pay.
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
  if (cart.error || addresses.error)
    return (
      <Page title="Checkout">
        <ErrorAlert error={listError} />
      </Page>
    );
  if (!cart.data || !addresses.data) return <Loading />;

  const c = cart.data;
  const list = addresses.data;
  if (c.groups.length === 0)
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

  const addressId =
    (chosenAddress && list.some((a) => a.id === chosenAddress) ? chosenAddress : null) ??
    list.find((a) => a.isDefault)?.id ??
    list[0]?.id ??
    null;
  const blocked = c.groups.flatMap((g) => g.lines).filter((l) => !l.available);
  const canPlace = addressId !== null && c.totals.itemCount > 0 && blocked.length === 0;
  // A choice of cash on delivery that the cart no longer allows falls back to paying online.
  const payWith: PaymentMethod = method === "cod" && !c.cod.available ? "razorpay" : method;
  const submit = () => {
    if (addressId) place.mutate({ addressId, paymentMethod: payWith, idempotencyKey });
  };

  return (
    <Page title="Checkout" description="Check where it goes and how you pay, then place your order.">
      <div className="bz-cart" data-testid="checkout">
        <div>
          <Card title="Delivery address" testId="checkout-address">
            {list.length === 0 && !adding && (
              <p className="bz-muted">Add the address we should deliver to.</p>
            )}
            {list.length > 0 && (
              <fieldset className="bz-choices" aria-invalid={error?.fieldErrors.addressId ? true : undefined}>
                <legend>Deliver to</legend>
                {list.map((a) => (
                  <AddressChoice
                    key={a.id}
                    address={a}
                    checked={a.id === addressId}
                    onChoose={() => setChosenAddress(a.id)}
                  />
                ))}
                {error?.fieldErrors.addressId && (
                  <p className="bz-field__error" data-testid="addressId-error">
                    {error.fieldErrors.addressId}
                  </p>
                )}
              </fieldset>
            )}
            {adding || list.length === 0 ? (
              <div className="bz-subform bz-mt">
                <AddressForm
                  onDone={(saved) => {
                    setChosenAddress(saved.id);
                    setAdding(false);
                  }}
                  onCancel={() => setAdding(false)}
                />
              </div>
            ) : (
              <div className="bz-form-actions bz-mt">
                <Button variant="secondary" className="bz-button--small" onClick={() => setAdding(true)}>
                  Add a new address
                </Button>
                <Link to="/account/addresses" className="bz-small">
                  Manage addresses
                </Link>
              </div>
            )}
          </Card>
          <Card title="Your items" testId="checkout-items">
            {c.groups.map((g) => (
              <CheckoutGroup key={g.seller.id} group={g} />
            ))}
          </Card>
        </div>
        <aside className="bz-cart__aside">
          <Card title="Order summary" testId="checkout-summary">
            <Form
              aria-label="Place your order"
              pending={place.isPending}
              onSubmit={submit}
              testId="checkout-form"
            >
              <ErrorAlert error={error} fields={["paymentMethod", "addressId"]} />
              <fieldset
                className={`bz-choices${error?.fieldErrors.paymentMethod ? " bz-choices--invalid" : ""}`}
                aria-describedby={error?.fieldErrors.paymentMethod ? "paymentMethod-error" : undefined}
              >
                <legend>Payment</legend>
                {METHODS.map((m) => {
                  // The cart says up front when cash on delivery is not on offer, and why.
                  const off = m.value === "cod" && !c.cod.available;
                  return (
                    <label key={m.value} className="bz-choice" htmlFor={`method-${m.value}`}>
                      <input
                        id={`method-${m.value}`}
                        type="radio"
                        name="paymentMethod"
                        value={m.value}
                        checked={payWith === m.value}
                        disabled={off}
                        aria-invalid={error?.fieldErrors.paymentMethod ? true : undefined}
                        onChange={() => setMethod(m.value)}
                      />
                      <span className="bz-choice__body">
                        <strong>{m.label}</strong>
                        <span className="bz-muted bz-small">{off ? (c.cod.message ?? m.hint) : m.hint}</span>
                      </span>
                    </label>
                  );
                })}
                {error?.fieldErrors.paymentMethod && (
                  <p id="paymentMethod-error" className="bz-field__error" data-testid="paymentMethod-error">
                    {error.fieldErrors.paymentMethod}
                  </p>
                )}
              </fieldset>
              <Totals cart={c} />
              {c.hasNotices && <CartNotices cart={c} />}
              {blocked.length > 0 && (
                <Alert tone="warning" title="Some items cannot be bought" testId="checkout-blocked">
                  {blocked.map((l) => l.title).join(", ")}. <Link to="/cart">Remove them from your cart</Link>{" "}
                  to continue.
                </Alert>
              )}
              <Button
                type="submit"
                className="bz-button--block"
                pending={place.isPending}
                pendingLabel="Placing order…"
                disabled={!canPlace}
                data-testid="place-order"
              >
                Place order
              </Button>
              {addressId === null && <p className="bz-muted bz-small">Add a delivery address to continue.</p>}
              <Link to="/cart" className="bz-small">
                Back to cart
              </Link>
            </Form>
          </Card>
        </aside>
      </div>
    </Page>
  );
}

function AddressChoice(props: { address: AddressDto; checked: boolean; onChoose: () => void }) {
  const a = props.address;
  const id = `address-${a.id}`;
  return (
    <label className="bz-choice" htmlFor={id} data-testid="address-choice">
      <input
        id={id}
        type="radio"
        name="addressId"
        value={a.id}
        checked={props.checked}
        onChange={props.onChoose}
      />
      <span className="bz-choice__body">
        <strong>
          {a.label ? `${a.label}: ${a.name}` : a.name}
          {a.isDefault && <span className="bz-tag bz-tag--accent">Default</span>}
        </strong>
        <span className="bz-small">
          {[a.line1, a.line2, a.landmark && `near ${a.landmark}`].filter(Boolean).join(", ")}, {a.city},{" "}
          {a.state} {a.pincode}
        </span>
        <span className="bz-muted bz-small">{formatPhone(a.phone)}</span>
      </span>
    </label>
  );
}

function CheckoutGroup({ group: g }: { group: CartGroupDto }) {
  return (
    <section className="bz-mt" data-testid="checkout-group">
      <h3 className="bz-card__title">From {g.seller.shopName}</h3>
      <ul className="bz-order-items">
        {g.lines.map((line) => (
          <li key={line.id} className="bz-order-item" data-testid="checkout-line">
            {line.imageUrl ? (
              <img src={line.imageUrl} alt="" className="bz-thumb bz-thumb--small" />
            ) : (
              <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
            )}
            <div className="bz-order-item__info">
              <strong>{line.title}</strong>
              {line.variantLabel && <span className="bz-muted bz-small">{line.variantLabel}</span>}
              <span className="bz-muted bz-small">
                {line.qty} × {formatRupees(line.effectiveUnitPrice)}
              </span>
            </div>
            <div className="bz-order-item__total">
              {line.available ? (
                formatRupees(line.lineTotal)
              ) : (
                <span className="bz-text-danger">Unavailable</span>
              )}
            </div>
          </li>
        ))}
      </ul>
      <dl className="bz-sums bz-sums--group">
        {g.itemDiscount > 0 && <SumRow label="Sale savings" value={formatDiscount(g.itemDiscount)} />}
        {g.couponDiscount > 0 && <SumRow label="Coupon" value={formatDiscount(g.couponDiscount)} />}
        <SumRow label="Shipping" value={g.shipping === 0 ? "Free" : formatRupees(g.shipping)} />
        <SumRow label={`Total from ${g.seller.shopName}`} value={formatRupees(g.total)} total />
      </dl>
    </section>
  );
}

function Totals({ cart }: { cart: CartDto }) {
  const t = cart.totals;
  return (
    <div>
      <dl className="bz-sums" data-testid="checkout-totals">
        <SumRow label={`Subtotal (${itemCount(t.itemCount)})`} value={formatRupees(t.subtotal)} />
        {t.itemDiscount > 0 && <SumRow label="Sale savings" value={formatDiscount(t.itemDiscount)} />}
        {t.couponDiscount > 0 && (
          <SumRow
            label={`Coupon${cart.coupon ? ` ${cart.coupon.code}` : ""}`}
            value={formatDiscount(t.couponDiscount)}
          />
        )}
        <SumRow label="Shipping" value={t.shipping === 0 ? "Free" : formatRupees(t.shipping)} />
        <SumRow label="Total" value={formatRupees(t.total)} total testId="checkout-total" />
      </dl>
      <p className="bz-muted bz-small bz-sums__note" data-testid="checkout-gst">
        Includes {formatRupees(t.gstIncluded)} GST.
      </p>
    </div>
  );
}

/** What changed in the cart since the customer last looked, so they see it before ordering. */
function CartNotices({ cart }: { cart: CartDto }) {
  const lines = cart.groups.flatMap((g) => g.lines).filter((l) => l.notices.length > 0);
  return (
    <Alert tone="warning" title="Some items changed" testId="checkout-notices">
      <ul className="bz-alert__list">
        {lines.flatMap((l) =>
          l.notices.map((n) => (
            <li key={`${l.id}-${n.kind}`}>
              {l.title}: {noticeText(n)}
            </li>
          )),
        )}
      </ul>
      <Link to="/cart">Review your cart</Link>
    </Alert>
  );
}
