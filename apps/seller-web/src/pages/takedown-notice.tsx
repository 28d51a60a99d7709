import { formatDate } from "@bazaar/client/format";
import type { SellerProductDto } from "@bazaar/schemas";
import { Alert } from "@bazaar/ui";
import { takedownOf } from "./takedown";

type Product = Pick<SellerProductDto, "status" | "statusReason" | "takenDownAt">;

/** The product editor's notice: Bazaar took this product off the storefront, why, and how to appeal. */
export function TakedownNotice({ product }: { product: Product }) {
  const t = takedownOf(product);
  if (!t) return null;
  return t.appealPending ? (
    <Alert
      tone="warning"
      title={`Taken down by Bazaar on ${formatDate(t.at)}: appeal under review`}
      testId="takedown-notice"
    >
      {t.reason} You resubmitted it; it goes back on sale if the review approves it.
    </Alert>
  ) : (
    <Alert tone="error" title={`Taken down by Bazaar on ${formatDate(t.at)}`} testId="takedown-notice">
      {t.reason} Customers cannot see or buy it. Edit and resubmit to appeal.
    </Alert>
  );
}

/** The product list's one line under the title. */
export function TakedownLine({ product }: { product: Product }) {
  const t = takedownOf(product);
  if (!t) return null;
  return (
    <div className="bz-small bz-text-danger" data-testid="takedown-line">
      Taken down {formatDate(t.at)}: {t.reason}{" "}
      {t.appealPending ? "(appeal under review)" : "Edit and resubmit to appeal."}
    </div>
  );
}
