import { Card } from "@bazaar/ui";
import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <Card className="bz-card--narrow">
      <h1 className="bz-card__heading">Page not found</h1>
      <p className="bz-muted">There is nothing at this address.</p>
      <Link to="/">Go to the home page</Link>
    </Card>
  );
}
