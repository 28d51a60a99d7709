import { Link } from "react-router";
import { useCart } from "./use-cart";

/** The header's way to the cart, with how many items are in it. */
export function CartLink() {
  const { cart, allowed } = useCart();
  if (!allowed) return null;
  const count = cart.data?.totals.itemCount ?? 0;
  return (
    <Link
      to="/cart"
      className="bz-cart-link"
      aria-label={`Cart, ${count} item${count === 1 ? "" : "s"}`}
      data-testid="cart-link"
    >
      Cart
      {count > 0 && (
        <span className="bz-count" data-testid="cart-count">
          {count}
        </span>
      )}
    </Link>
  );
}
