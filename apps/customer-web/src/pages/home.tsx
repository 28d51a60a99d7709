import { useAuth } from "@bazaar/client";
import { Card, Loading } from "@bazaar/ui";
import { Link } from "react-router";

export function HomePage() {
  const { status, user } = useAuth();
  if (status === "loading") return <Loading />;
  if (status === "signedIn" && user) {
    return (
      <Card testId="home-greeting">
        <h1 className="bz-card__heading">Hello, {user.name}</h1>
        <p className="bz-muted">Good to see you again. The storefront opens with the next release.</p>
        <div className="bz-form-actions">
          <Link to="/account" className="bz-button bz-button--primary">
            Your account
          </Link>
          <Link to="/account/addresses" className="bz-button bz-button--secondary">
            Addresses
          </Link>
        </div>
      </Card>
    );
  }
  return (
    <Card className="bz-hero">
      <h1 className="bz-card__heading">Welcome to Bazaar</h1>
      <p className="bz-muted">
        Shop from independent sellers across India. Create an account to get started.
      </p>
      <div className="bz-form-actions">
        <Link to="/register" className="bz-button bz-button--primary">
          Create account
        </Link>
        <Link to="/login" className="bz-button bz-button--secondary">
          Sign in
        </Link>
      </div>
    </Card>
  );
}
