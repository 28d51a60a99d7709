import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import type { ProductDetailDto, VariantDto } from "@bazaar/schemas";
import { Alert, Button, ErrorAlert } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { QtyStepper } from "./qty-stepper";
import { useCart, useCartChanged } from "./use-cart";

/**
 * Quantity, "Add to cart" and "Save to wishlist" for the chosen variant. Keyed by variant,
 * so choosing another starts afresh.
 */
export function BuyBox({ product, variant }: { product: ProductDetailDto; variant: VariantDto }) {
  const trpc = useTRPC();
  const { user } = useAuth();
  const { cart, allowed } = useCart();
  const changed = useCartChanged();
  const [qty, setQty] = useState(1);
  const add = useMutation(trpc.cart.addItem.mutationOptions({ onSuccess: (result) => changed(result) }));
  const error = useFormError(add.error);

  // What the cart already holds of this variant counts against the stock and the per-line limit.
  const inCart =
    cart.data?.groups.flatMap((g) => g.lines).find((l) => l.variantId === variant.id && l.available)?.qty ??
    0;
  const perLine = cart.data?.limits.maxQtyPerLine ?? variant.stock;
  const max = Math.min(variant.stock, perLine) - inCart;
  const soldOut = variant.stock === 0;

  return (
    <div className="bz-buy" data-testid="buy-box">
      {!soldOut && (
        <div className="bz-form-actions">
          <QtyStepper
            value={Math.min(qty, Math.max(1, max))}
            max={Math.max(1, max)}
            onChange={setQty}
            label={`Quantity of ${product.title}`}
            disabled={add.isPending || max < 1}
          />
          <Button
            onClick={() => {
              add.reset();
              add.mutate({ variantId: variant.id, qty: Math.min(qty, Math.max(1, max)) });
            }}
            pending={add.isPending}
            pendingLabel="Adding…"
            disabled={!allowed || max < 1}
            data-testid="add-to-cart"
          >
            Add to cart
          </Button>
          {user?.role === "customer" && <SaveToWishlist productId={product.id} variantId={variant.id} />}
        </div>
      )}
      {soldOut && user?.role === "customer" && (
        <div className="bz-form-actions">
          <SaveToWishlist productId={product.id} variantId={variant.id} />
        </div>
      )}
      {inCart > 0 && max < 1 && !add.isSuccess && (
        <p className="bz-muted bz-small">
          You have {inCart} in your cart, the most you can buy now. <Link to="/cart">View cart</Link>
        </p>
      )}
      {user && !allowed && <p className="bz-muted bz-small">Sign in with a customer account to buy.</p>}
      <ErrorAlert error={error} />
      {add.isSuccess && !add.isPending && (
        <Alert tone="success" testId="added-to-cart">
          Added {add.variables.qty ?? 1} to your cart. <Link to="/cart">View cart</Link>
        </Alert>
      )}
    </div>
  );
}

/** Saves the product (with the chosen variant) to a signed-in customer's wishlist. */
function SaveToWishlist({ productId, variantId }: { productId: string; variantId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Already saved on an earlier visit reads the same as saved just now.
  const status = useQuery(trpc.wishlist.status.queryOptions({ productIds: [productId] }));
  const save = useMutation(
    trpc.wishlist.add.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.wishlist.list.pathFilter());
        await queryClient.invalidateQueries(trpc.wishlist.status.pathFilter());
      },
    }),
  );
  const error = useFormError(save.error);
  if (save.isSuccess || status.data?.saved.includes(productId))
    return (
      <span className="bz-inline-action" data-testid="wishlist-saved">
        <span className="bz-text-success">Saved to your wishlist.</span>
        <Link to="/wishlist">View wishlist</Link>
      </span>
    );
  return (
    <span className="bz-inline-action">
      <Button
        variant="secondary"
        onClick={() => save.mutate({ productId, variantId })}
        pending={save.isPending}
        pendingLabel="Saving…"
        data-testid="save-to-wishlist"
      >
        Save to wishlist
      </Button>
      {error && <span className="bz-field__error">{error.message}</span>}
    </span>
  );
}
