import { Alert, Button } from "@bazaar/ui";
import { Link } from "react-router";
import { dismissCartMerge, useCartMerge } from "./cart-memory";
import { cartMergeMessage } from "./cart-text";

/** After signing in: what came over from the cart the customer filled as a guest. */
export function CartMergeNotice() {
  const report = useCartMerge();
  const message = report ? cartMergeMessage(report) : null;
  if (!message) return null;
  return (
    <div className="bz-banner">
      <Alert
        tone={message.capped.length > 0 ? "warning" : "info"}
        title={message.headline}
        testId="cart-merge"
      >
        {message.capped.length > 0 && (
          <ul className="bz-alert__list">
            {message.capped.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <span className="bz-inline-action">
          <Link to="/cart">View cart</Link>
          <Button variant="link" onClick={dismissCartMerge}>
            Dismiss
          </Button>
        </span>
      </Alert>
    </div>
  );
}
