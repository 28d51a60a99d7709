import { Button } from "@bazaar/ui";
import { type ListingFilters, priceLabel, removeValue, type UpdateParams } from "./listing-params";

/** The filters in force as removable chips, with "Clear all". */
export function ActiveFilters(props: {
  filters: ListingFilters;
  update: UpdateParams;
  /** Whether the category is one the shopper chose (not the page's own). */
  showCategory: boolean;
  categoryName: (slug: string) => string;
}) {
  const { filters, update } = props;
  const clearAll = () =>
    update((next) => {
      for (const key of ["brand", "min", "max", "rating", "instock", "category"]) next.delete(key);
    });
  return (
    <div className="bz-chips" data-testid="active-filters">
      {props.showCategory && filters.category && (
        <Chip
          label={`Category: ${props.categoryName(filters.category)}`}
          onRemove={() => update((n) => n.delete("category"))}
        />
      )}
      {filters.brand.map((b) => (
        <Chip key={b} label={b} onRemove={() => update((n) => removeValue(n, "brand", b))} />
      ))}
      {(filters.minPrice !== undefined || filters.maxPrice !== undefined) && (
        <Chip
          label={priceLabel(filters.minPrice, filters.maxPrice)}
          onRemove={() =>
            update((n) => {
              n.delete("min");
              n.delete("max");
            })
          }
        />
      )}
      {filters.minRating && (
        <Chip label={`${filters.minRating}★ & up`} onRemove={() => update((n) => n.delete("rating"))} />
      )}
      {filters.inStock && <Chip label="In stock" onRemove={() => update((n) => n.delete("instock"))} />}
      <Button variant="link" onClick={clearAll}>
        Clear all
      </Button>
    </div>
  );
}

function Chip({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <span className="bz-chip">
      {label}
      <button
        type="button"
        className="bz-chip__remove"
        aria-label={`Remove filter ${label}`}
        onClick={onRemove}
      >
        ×
      </button>
    </span>
  );
}
