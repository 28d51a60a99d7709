import type { SellerProductDto } from "@bazaar/schemas";
import { Alert } from "@bazaar/ui";
import { TakedownNotice } from "../takedown-notice";

/** The last save's notice (hidden while another runs), and why a product is not on sale. */
export function StatusAlerts(props: {
  product: SellerProductDto | null;
  notice: string | null;
  pending: boolean;
}) {
  const { product, notice } = props;
  return (
    <>
      {notice && !props.pending && (
        <Alert tone="success" testId="editor-notice">
          {notice}
        </Alert>
      )}
      {product && <TakedownNotice product={product} />}
      {product?.status === "rejected" && !product.takenDownAt && (
        <Alert tone="error" title="Not approved">
          {product.statusReason ?? "No reason given."} Fix it and submit again.
        </Alert>
      )}
      {product?.status === "archived" && (
        <Alert tone="warning" title="Archived">
          Customers cannot see or buy this product. Restore it to edit or sell it again.
        </Alert>
      )}
    </>
  );
}
