import { useFormError } from "@bazaar/client";
import type { CategoryNode, CouponDto, CreateCouponInput, UpdateCouponInput } from "@bazaar/schemas";
import { useMemo, useState } from "react";
import { flattenCategories } from "./catalog";
import { CouponForm } from "./coupon-form";
import type { ProductChoices } from "./coupon-scope-fields";
import { useDebounced } from "./form";

/** The product search box of a coupon form: what is typed, and the settled term to query with. */
export function useProductSearch() {
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim(), 250);
  return { query, setQuery, q };
}

export type ProductSearch = ReturnType<typeof useProductSearch>;

/** A create or update call as the form uses it (a React Query mutation fits). */
type CouponSave<Input> = { mutate: (input: Input) => void; isPending: boolean; error: unknown };

/**
 * `CouponForm` wired to the app's calls: the app queries categories and products (with
 * `search.q`) and makes the create and update mutations; this does the rest.
 */
export function CouponEditor(props: {
  coupon?: CouponDto;
  categories: readonly CategoryNode[] | undefined;
  search: ProductSearch;
  /** Matches for `search.q`, shown only while there is one. */
  products: Omit<ProductChoices, "query" | "onQuery">;
  create: CouponSave<CreateCouponInput>;
  update: CouponSave<UpdateCouponInput>;
  onCancel: () => void;
}) {
  const { coupon, search, create, update } = props;
  const flat = useMemo(() => flattenCategories(props.categories ?? []), [props.categories]);
  const mutation = coupon ? update : create;
  const error = useFormError(mutation.error);
  return (
    <CouponForm
      coupon={coupon}
      categories={flat}
      products={{
        ...props.products,
        options: search.q ? props.products.options : [],
        query: search.query,
        onQuery: search.setQuery,
      }}
      pending={mutation.isPending}
      error={error}
      onSubmit={(fields, code) =>
        coupon ? update.mutate({ id: coupon.id, ...fields }) : create.mutate({ code, ...fields })
      }
      onCancel={props.onCancel}
    />
  );
}
