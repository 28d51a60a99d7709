import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime, formatDiscount, formatRupees } from "@bazaar/client/format";
import type { CartCouponDto, CartDto, CartGroupDto, CartLineDto } from "@bazaar/schemas";
import {
  Alert,
  Button,
  Card,
  ErrorAlert,
  Form,
  Loading,
  Page,
  Price,
  SumRow as Sum,
  TextField,
} from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { forgetNotices, useLineNotices } from "../cart/cart-memory";
import { noticeBlocks, noticeText, qtyLimit } from "../cart/cart-text";
import { QtyStepper } from "../cart/qty-stepper";
import { useCart, useCartChanged } from "../cart/use-cart";

const items = (n: number) => `${n} item${n === 1 ? "" : "s"}`;

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
      description={`${items(cart.totals.itemCount)} from ${shops} shop${shops === 1 ? "" : "s"}. Each shop ships its items separately.`}
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
            <div className="bz-buy">
              {cart.totals.itemCount > 0 ? (
                <Link
                  to="/checkout"
                  className="bz-button bz-button--primary bz-button--block"
                  data-testid="checkout"
                >
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

function CartLine({ line, cart }: { line: CartLineDto; cart: CartDto }) {
  const trpc = useTRPC();
  const changed = useCartChanged();
  const notices = useLineNotices(line);
  const onSuccess = async (result: CartDto) => {
    forgetNotices(line.id);
    await changed(result);
  };
  const update = useMutation(trpc.cart.updateItem.mutationOptions({ onSuccess }));
  const remove = useMutation(trpc.cart.removeItem.mutationOptions({ onSuccess }));
  const error = useFormError(update.error ?? remove.error);
  const limit = qtyLimit(line, cart);
  const busy = update.isPending || remove.isPending;
  const onSale = line.effectiveUnitPrice < line.unitPrice;
  return (
    <li className={`bz-cart-line${line.available ? "" : " bz-cart-line--off"}`} data-testid="cart-line">
      {line.imageUrl ? (
        <img src={line.imageUrl} alt="" className="bz-thumb" />
      ) : (
        <span className="bz-thumb bz-thumb--empty" aria-hidden="true" />
      )}
      <div className="bz-cart-line__info">
        <Link to={`/p/${line.productSlug}?variant=${line.variantId}`} className="bz-cart-line__title">
          {line.title}
        </Link>
        {line.variantLabel && <p className="bz-muted bz-small">{line.variantLabel}</p>}
        <p>
          <Price
            price={line.effectiveUnitPrice}
            compareAt={onSale ? line.unitPrice : line.compareAtPrice}
            testId="line-price"
          />
          {line.qty > 1 && <span className="bz-muted bz-small"> each</span>}
        </p>
        {line.saleEndsAt && (
          <p className="bz-small bz-text-success" data-testid="sale-ends">
            Sale ends {formatDateTime(line.saleEndsAt)}
          </p>
        )}
        {notices.length > 0 && (
          <ul className="bz-notices" data-testid="line-notices">
            {notices.map((n) => (
              <li key={n.kind} className={noticeBlocks(n) ? "bz-notices--danger" : undefined}>
                {noticeText(n)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="bz-cart-line__total" data-testid="line-total">
        {line.available ? formatRupees(line.lineTotal) : <span className="bz-muted">—</span>}
        {line.couponDiscount > 0 && (
          <div className="bz-small bz-text-success">Coupon {formatDiscount(line.couponDiscount)}</div>
        )}
      </div>
      <div className="bz-cart-line__actions">
        {line.available && (
          <>
            <QtyStepper
              value={line.qty}
              max={limit.max}
              onChange={(qty) => update.mutate({ itemId: line.id, qty })}
              label={`Quantity of ${line.title}`}
              disabled={busy}
            />
            {line.qty >= limit.max && <span className="bz-muted bz-small">{limit.reason}</span>}
          </>
        )}
        <Button
          variant="link"
          onClick={() => remove.mutate({ itemId: line.id })}
          pending={remove.isPending}
          pendingLabel="Removing…"
          disabled={busy}
          data-testid="remove-line"
        >
          Remove
        </Button>
        {error && <span className="bz-field__error">{error.message}</span>}
      </div>
    </li>
  );
}

function CouponBox({ coupon }: { coupon: CartCouponDto | null }) {
  const trpc = useTRPC();
  const changed = useCartChanged();
  const [code, setCode] = useState("");
  const apply = useMutation(
    trpc.cart.applyCoupon.mutationOptions({
      onSuccess: async (result) => {
        setCode("");
        await changed(result);
      },
    }),
  );
  const remove = useMutation(
    trpc.cart.removeCoupon.mutationOptions({
      onSuccess: async (result) => {
        apply.reset();
        await changed(result);
      },
    }),
  );
  const error = useFormError(apply.error);
  const removeError = useFormError(remove.error);

  if (coupon)
    return (
      <div className="bz-coupon" data-testid="applied-coupon">
        <div className="bz-row">
          <div className="bz-row__main">
            <strong className="bz-mono">{coupon.code}</strong>{" "}
            {coupon.applied ? (
              <span className="bz-tag bz-tag--accent">Applied</span>
            ) : (
              <span className="bz-tag bz-tag--warning">Not applied</span>
            )}
            {coupon.description && <p className="bz-muted bz-small">{coupon.description}</p>}
            {coupon.applied ? (
              <p className="bz-small bz-text-success" data-testid="coupon-saving">
                You save {formatRupees(coupon.discount)}
              </p>
            ) : (
              <p className="bz-small bz-text-warning" data-testid="coupon-message">
                {coupon.message}
              </p>
            )}
          </div>
          <Button
            variant="link"
            onClick={() => remove.mutate()}
            pending={remove.isPending}
            pendingLabel="Removing…"
            data-testid="remove-coupon"
          >
            Remove
          </Button>
        </div>
        <ErrorAlert error={removeError} />
      </div>
    );

  return (
    <Form
      aria-label="Apply a coupon"
      className="bz-toolbar-form bz-coupon"
      testId="coupon-form"
      pending={apply.isPending}
      onSubmit={() => apply.mutate({ code })}
    >
      <ErrorAlert error={error} fields={["code"]} />
      <TextField
        id="coupon-code"
        name="code"
        label="Coupon code"
        autoComplete="off"
        value={code}
        onValue={(v) => setCode(v.toUpperCase())}
        error={error?.fieldErrors.code}
      />
      <Button type="submit" variant="secondary" pending={apply.isPending} pendingLabel="Applying…">
        Apply coupon
      </Button>
    </Form>
  );
}

function Totals({ cart }: { cart: CartDto }) {
  const t = cart.totals;
  return (
    <>
      <dl className="bz-sums" data-testid="cart-totals">
        <Sum label={`Subtotal (${items(t.itemCount)})`} value={formatRupees(t.subtotal)} />
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
