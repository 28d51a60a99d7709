import { type ReactNode, useState } from "react";
import type { FlatCategory } from "./catalog";
import type { SectionProps } from "./coupon-form-fields";
import { MultiPicker, type PickerOption } from "./picker";
import { useCategoryChoices } from "./use-coupon-form";

/** Products to restrict a coupon to: the app searches its own catalogue. */
export type ProductChoices = {
  /** Matches for `query`. */
  options: readonly PickerOption[];
  query: string;
  onQuery: (q: string) => void;
  loading?: boolean;
  /** Titles of products already chosen, beyond those the coupon itself names. */
  labels?: Readonly<Record<string, string>>;
  hint?: ReactNode;
};

/** Products and categories the coupon is limited to; none of either means everything. */
export function ScopeFields(
  props: SectionProps & { products: ProductChoices; categories: readonly FlatCategory[] },
) {
  const { form, coupon, products } = props;
  const { values, set, fieldError, itemErrors } = form;
  const categories = useCategoryChoices(props.categories);
  // Titles of products picked in this form, for chips once the search has moved on.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const productLabel = (id: string) =>
    picked[id] ??
    products.labels?.[id] ??
    coupon?.products.find((p) => p.id === id)?.title ??
    products.options.find((o) => o.id === id)?.label ??
    `Product ${id.slice(0, 8)}`;

  return (
    <fieldset className="bz-subform">
      <legend>What it applies to</legend>
      <p className="bz-muted bz-small">
        Leave both empty for no restriction. With both, an item qualifies if it is one of the products or in
        one of the categories.
      </p>
      <MultiPicker
        id="coupon-products"
        label="Products"
        selected={values.productIds.map((id) => ({ id, label: productLabel(id) }))}
        onChange={(next) => {
          setPicked((p) => ({ ...p, ...Object.fromEntries(next.map((o) => [o.id, o.label])) }));
          set("productIds")(next.map((o) => o.id));
        }}
        options={products.options}
        query={products.query}
        onQuery={products.onQuery}
        loading={products.loading}
        placeholder="Search products"
        emptyText="All products."
        noResults={products.query.trim() ? "No products match." : "Type to search products."}
        error={fieldError("productIds")}
        errors={itemErrors("productIds")}
        hint={products.hint}
      />
      <MultiPicker
        id="coupon-categories"
        label="Categories"
        selected={values.categoryIds.map((id) => ({ id, label: categories.label(id) }))}
        onChange={(next) => set("categoryIds")(next.map((o) => o.id))}
        options={categories.options}
        query={categories.query}
        onQuery={categories.setQuery}
        placeholder="Filter categories"
        emptyText="All categories."
        noResults="No categories match."
        error={fieldError("categoryIds")}
        errors={itemErrors("categoryIds")}
        hint="A category includes everything under it."
      />
    </fieldset>
  );
}
