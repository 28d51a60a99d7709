import type { SellerProductDto } from "@bazaar/schemas";
import { Alert, Card, type FlatCategory, RevisionCompare } from "@bazaar/ui";

/** An approved product's edit, waiting for review or rejected, beside the live version. */
export function PendingEdit({
  product,
  categories,
}: {
  product: SellerProductDto;
  categories: FlatCategory[];
}) {
  const revision = product.revision;
  if (!revision) return null;
  return (
    <Card
      title={revision.status === "pending_review" ? "Edit waiting for review" : "Edit not approved"}
      testId="pending-edit"
    >
      {revision.status === "pending_review" ? (
        <p className="bz-muted">
          Customers keep seeing the live version until a moderator approves your changes. The form below shows
          your proposed version; saving again updates the proposal.
        </p>
      ) : (
        <Alert tone="error" title="Your edit was not approved">
          {revision.reason ?? "No reason given."} The live version is unchanged. Change the form below and
          save to propose again.
        </Alert>
      )}
      <RevisionCompare product={product} revision={revision} categories={categories} />
    </Card>
  );
}
