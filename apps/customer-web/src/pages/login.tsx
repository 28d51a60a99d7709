import { SignIn } from "@bazaar/ui";
import { Link } from "react-router";
import { showCartMerge } from "../cart/cart-memory";

/** Any account may sign in here: the account pages serve every role. */
export function LoginPage() {
  return (
    <SignIn
      title="Sign in to Bazaar"
      redirectTo="/account"
      verifyPath="/verify"
      onSignedIn={(result) => showCartMerge(result.cartMerge)}
      footer={
        <>
          <span>
            New to Bazaar? <Link to="/register">Create an account</Link>
          </span>
          <Link to="/forgot-password">Forgot your password?</Link>
        </>
      }
    />
  );
}
