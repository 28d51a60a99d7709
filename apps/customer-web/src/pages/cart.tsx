import { useFormError } from "@bazaar/client";
import { formatDiscount, formatRupees } from "@bazaar/client/format";
import type { CartDto, CartGroupDto } from "@bazaar/schemas";
import { Alert, Card, ErrorAlert, itemCount, Loading, Page, SumRow as Sum } from "@bazaar/ui";
import { Link, useLocation } from "react-router";
import { useCart } from "../cart/use-cart";
import { CartLine } from "./cart-line";
import { CouponBox } from "./coupon-box";

/** `/cart`: what is in the cart, shop by shop, with the coupon and the totals. */
export function CartPage() {
  const { cart, allowed, authLoading } = useCart();
  // Checkout sends the customer back here when the cart needs another look, saying why.
  const checkoutMessage = (useLocation().state as { checkoutMessage?: string } | null)?.checkoutMessage;
  const error = useFormError(cart.error);
  if (authLoading) return <Loading />;
  if (!allowed)
    return (
      <Page title="Your cart">
        <Alert tone="warning" title="No cart for this account">
          Only customer accounts have a cart. Sign out and sign in as a customer to shop.
        </Alert>
      </Page>
    );
  if (cart.error)
    return (
      <Page title="Your cart">
        <ErrorAlert error={error} />
      </Page>
    );
  if (!cart.data) return <Loading />;
  return <CartView cart={cart.data} checkoutMessage={checkoutMessage} />;
}

function CartView({ cart, checkoutMessage }: { cart: CartDto; checkoutMessage?: string | undefined }) {
  const shops = cart.groups.length;
  if (shops === 0)
    return (
      <Page title="Your cart">
        {checkoutMessage && (
          <Alert tone="warning" title="Check your cart before you order" testId="checkout-bounce">
            {checkoutMessage}
          </Alert>
        )}
        <Card testId="cart-empty">
          <p className="bz-empty">Your cart is empty.</p>
          <div className="bz-form-actions bz-form-actions--center">
            <Link to="/" className="bz-button bz-button--primary">
              Continue shopping
            </Link>
            <Link to="/wishlist" className="bz-button bz-button--secondary">
              Your wishlist
            </Link>
          </div>
        </Card>
      </Page>
    );
  return (
    <Page
      title="Your cart"
      description={`${itemCount(cart.totals.itemCount)} from ${shops} shop${shops === 1 ? "" : "s"}. Each shop ships its items separately.`}
    >
      <div className="bz-cart" data-testid="cart">
        <div>
          {checkoutMessage && (
            <Alert tone="warning" title="Check your cart before you order" testId="checkout-bounce">
              {checkoutMessage}
            </Alert>
          )}
          {cart.hasNotices && (
            <Alert tone="warning" title="Some items changed" testId="cart-review">
              Check the notes on the items below before you check out.
            </Alert>
          )}
          {cart.groups.map((group) => (
            <CartGroup key={group.seller.id} group={group} cart={cart} />
          ))}
        </div>
        <aside className="bz-cart__aside">
          <Card title="Order summary" testId="cart-summary">
            <CouponBox coupon={cart.coupon} />
            <Totals cart={cart} />
            <CheckoutButton canBuy={cart.totals.itemCount > 0} />
          </Card>
        </aside>
      </div>
    </Page>
  );
}

function CartGroup({ group: g, cart }: { group: CartGroupDto; cart: CartDto }) {
  return (
    <Card testId="cart-group">
      <h2 className="bz-card__title">
        Sold by <Link to={`/shop/${g.seller.slug}`}>{g.seller.shopName}</Link>
      </h2>
      <ul className="bz-cart-lines">
        {g.lines.map((line) => (
          <CartLine key={line.id} line={line} cart={cart} />
        ))}
      </ul>
      <dl className="bz-sums bz-sums--group" data-testid="group-sums">
        <Sum label="Items" value={formatRupees(g.subtotal)} />
        {g.itemDiscount > 0 && <Sum label="Sale savings" value={formatDiscount(g.itemDiscount)} />}
        {g.couponDiscount > 0 && <Sum label="Coupon" value={formatDiscount(g.couponDiscount)} />}
        <Sum label="Shipping" value={g.shipping === 0 ? "Free" : formatRupees(g.shipping)} />
        <Sum label={`Total from ${g.seller.shopName}`} value={formatRupees(g.total)} total />
      </dl>
    </Card>
  );
}

function Totals({ cart }: { cart: CartDto }) {
  const t = cart.totals;
  return (
    <>
      <dl className="bz-sums" data-testid="cart-totals">
        <Sum label={`Subtotal (${itemCount(t.itemCount)})`} value={formatRupees(t.subtotal)} />
        {t.itemDiscount > 0 && <Sum label="Sale savings" value={formatDiscount(t.itemDiscount)} />}
        {t.couponDiscount > 0 && (
          <Sum
            label={`Coupon${cart.coupon ? ` ${cart.coupon.code}` : ""}`}
            value={formatDiscount(t.couponDiscount)}
          />
        )}
        <Sum label="Shipping" value={t.shipping === 0 ? "Free" : formatRupees(t.shipping)} />
        <Sum label="Total" value={formatRupees(t.total)} total testId="cart-total" />
      </dl>
      <p className="bz-muted bz-small bz-sums__note" data-testid="cart-gst">
        Includes {formatRupees(t.gstIncluded)} GST.
      </p>
    </>
  );
}

/** Checkout, or a disabled look-alike when nothing in the cart can be bought. */
function CheckoutButton({ canBuy }: { canBuy: boolean }) {
  return (
    <div className="bz-buy">
      {canBuy ? (
        <Link to="/checkout" className="bz-button bz-button--primary bz-button--block" data-testid="checkout">
          Checkout
        </Link>
      ) : (
        <>
          <span
            className="bz-button bz-button--primary bz-button--block bz-button--disabled"
            aria-disabled="true"
            data-testid="checkout"
          >
            Checkout
          </span>
          <p className="bz-muted bz-small">Nothing in your cart can be bought right now.</p>
        </>
      )}
    </div>
  );
}
