import { type FormError, useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime, formatDiscount, formatRupees } from "@bazaar/client/format";
import type { CartDto, CartLineDto } from "@bazaar/schemas";
import { Button, Price } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { forgetNotices, useLineNotices } from "../cart/cart-memory";
import { noticeBlocks, noticeText, qtyLimit } from "../cart/cart-text";
import { QtyStepper } from "../cart/qty-stepper";
import { useCartChanged } from "../cart/use-cart";

/** One line: what it is, its price (and sale), notes on what changed, quantity and remove. */
export function CartLine({ line, cart }: { line: CartLineDto; cart: CartDto }) {
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
      <LineActions line={line} limit={limit} busy={busy} update={update} remove={remove} error={error} />
    </li>
  );
}

/** The quantity stepper (within what stock and the shop allow, saying which when reached) and Remove. */
function LineActions(props: {
  line: CartLineDto;
  limit: ReturnType<typeof qtyLimit>;
  busy: boolean;
  update: { mutate: (input: { itemId: string; qty: number }) => void };
  remove: { mutate: (input: { itemId: string }) => void; isPending: boolean };
  error: FormError | null;
}) {
  const { line, limit, busy, error } = props;
  return (
    <div className="bz-cart-line__actions">
      {line.available && (
        <>
          <QtyStepper
            value={line.qty}
            max={limit.max}
            onChange={(qty) => props.update.mutate({ itemId: line.id, qty })}
            label={`Quantity of ${line.title}`}
            disabled={busy}
          />
          {line.qty >= limit.max && <span className="bz-muted bz-small">{limit.reason}</span>}
        </>
      )}
      <Button
        variant="link"
        onClick={() => props.remove.mutate({ itemId: line.id })}
        pending={props.remove.isPending}
        pendingLabel="Removing…"
        disabled={busy}
        data-testid="remove-line"
      >
        Remove
      </Button>
      {error && <span className="bz-field__error">{error.message}</span>}
    </div>
  );
}
