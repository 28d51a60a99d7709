import { Page } from "@bazaar/ui";
import { ProductListing, useListingParams } from "../catalog/listing";

/** `/search?q=…`: full-text results (typos forgiven) with filters and facets. */
export function SearchPage() {
  const { filters } = useListingParams();
  return (
    <Page title={filters.q ? `Results for “${filters.q}”` : "All products"}>
      <ProductListing />
    </Page>
  );
}
