import { Page } from "@bazaar/ui";
import { ProductListing } from "../catalog/listing";
import { useListingParams } from "../catalog/listing-params";

/** `/search?q=…`: full-text results (typos forgiven) with filters and facets. */
export function SearchPage() {
  const { filters } = useListingParams();
  return (
    <Page title={filters.q ? `Results for “${filters.q}”` : "All products"}>
      <ProductListing />
    </Page>
  );
}
