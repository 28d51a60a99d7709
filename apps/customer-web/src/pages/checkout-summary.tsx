import type { FormError } from "@bazaar/client";
import { formatDiscount, formatRupees } from "@bazaar/client/format";
import type { CartDto, PaymentMethod } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, itemCount, SumRow } from "@bazaar/ui";
import { Link } from "react-router";
import { noticeText } from "../cart/cart-text";

const METHODS: { value: PaymentMethod; label: string; hint: string }[] = [
  { value: "razorpay", label: "Pay online", hint: "UPI, cards, net banking or wallets, through Razorpay." },
  { value: "stripe", label: "Pay by card", hint: "Credit or debit card, through Stripe." },
  { value: "cod", label: "Cash on delivery", hint: "Pay in cash when your order arrives." },
];

/** How to pay, what the order comes to, what changed, and the button that places it. */
export function CheckoutSummary(props: {
  cart: CartDto;
  /** The ways to pay the admin has turned on (checkout.paymentOptions). */
  offered: readonly PaymentMethod[];
  payWith: PaymentMethod;
  onMethod: (method: PaymentMethod) => void;
  hasAddress: boolean;
  pending: boolean;
  error: FormError | null;
  onSubmit: () => void;
}) {
  const { cart: c, error } = props;
  const blocked = c.groups.flatMap((g) => g.lines).filter((l) => !l.available);
  const canPlace = props.hasAddress && c.totals.itemCount > 0 && blocked.length === 0;
  return (
    <Card title="Order summary" testId="checkout-summary">
      <Form
        aria-label="Place your order"
        pending={props.pending}
        onSubmit={props.onSubmit}
        testId="checkout-form"
      >
        <ErrorAlert error={error} fields={["paymentMethod", "addressId"]} />
        <PaymentMethods
          cart={c}
          offered={props.offered}
          payWith={props.payWith}
          onMethod={props.onMethod}
          error={error}
        />
        <Totals cart={c} />
        {c.hasNotices && <CartNotices cart={c} />}
        {blocked.length > 0 && (
          <Alert tone="warning" title="Some items cannot be bought" testId="checkout-blocked">
            {blocked.map((l) => l.title).join(", ")}. <Link to="/cart">Remove them from your cart</Link> to
            continue.
          </Alert>
        )}
        <Button
          type="submit"
          className="bz-button--block"
          pending={props.pending}
          pendingLabel="Placing order…"
          disabled={!canPlace}
          data-testid="place-order"
        >
          Place order
        </Button>
        {!props.hasAddress && <p className="bz-muted bz-small">Add a delivery address to continue.</p>}
        <Link to="/cart" className="bz-small">
          Back to cart
        </Link>
      </Form>
    </Card>
  );
}

function PaymentMethods(props: {
  cart: CartDto;
  offered: readonly PaymentMethod[];
  payWith: PaymentMethod;
  onMethod: (method: PaymentMethod) => void;
  error: FormError | null;
}) {
  const { cart: c } = props;
  const fieldError = props.error?.fieldErrors.paymentMethod;
  return (
    <fieldset
      className={`bz-choices${fieldError ? " bz-choices--invalid" : ""}`}
      aria-describedby={fieldError ? "paymentMethod-error" : undefined}
    >
      <legend>Payment</legend>
      {METHODS.filter((m) => props.offered.includes(m.value)).map((m) => {
        // The cart says up front when cash on delivery is not on offer, and why.
        const off = m.value === "cod" && !c.cod.available;
        return (
          <label key={m.value} className="bz-choice" htmlFor={`method-${m.value}`}>
            <input
              id={`method-${m.value}`}
              type="radio"
              name="paymentMethod"
              value={m.value}
              checked={props.payWith === m.value}
              disabled={off}
              aria-invalid={fieldError ? true : undefined}
              onChange={() => props.onMethod(m.value)}
            />
            <span className="bz-choice__body">
              <strong>{m.label}</strong>
              <span className="bz-muted bz-small">{off ? (c.cod.message ?? m.hint) : m.hint}</span>
            </span>
          </label>
        );
      })}
      {fieldError && (
        <p id="paymentMethod-error" className="bz-field__error" data-testid="paymentMethod-error">
          {fieldError}
        </p>
      )}
    </fieldset>
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
