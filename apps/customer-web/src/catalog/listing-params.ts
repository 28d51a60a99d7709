import { formatRupees } from "@bazaar/client/format";
import type { ProductListInput } from "@bazaar/schemas";
import { parseRupees } from "@bazaar/ui";
import { useSearchParams } from "react-router";

type Sort = NonNullable<ProductListInput["sort"]>;
export const SORTS: { value: Sort; label: string }[] = [
  { value: "relevance", label: "Most relevant" },
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "rating", label: "Customer rating" },
  { value: "best_selling", label: "Best selling" },
];
export const RATINGS = [4, 3, 2];

/** The listing's filters as they sit in the URL, so results can be shared and the back button works. */
export function useListingParams() {
  const [params, setParams] = useSearchParams();
  const paise = (key: string) => {
    const raw = params.get(key);
    if (!raw) return undefined;
    const parsed = parseRupees(raw);
    return parsed.ok ? parsed.paise : undefined;
  };
  const sort = SORTS.find((s) => s.value === params.get("sort"))?.value;
  const rating = Number(params.get("rating"));
  const filters = {
    q: params.get("q")?.trim() || undefined,
    category: params.get("category") || undefined,
    brand: params.getAll("brand"),
    minPrice: paise("min"),
    maxPrice: paise("max"),
    minRating: RATINGS.includes(rating) ? rating : undefined,
    inStock: params.get("instock") === "1" || undefined,
    sort,
  };
  const update = (change: (next: URLSearchParams) => void) => {
    const next = new URLSearchParams(params);
    change(next);
    setParams(next);
  };
  return { params, filters, update };
}

export type ListingFilters = ReturnType<typeof useListingParams>["filters"];
/** Changes the URL's filters in one step (one history entry). */
export type UpdateParams = (change: (next: URLSearchParams) => void) => void;

/** Removes one of a repeated parameter's values (`brand=a&brand=b` → `brand=b`). */
export function removeValue(params: URLSearchParams, key: string, value: string) {
  const rest = params.getAll(key).filter((v) => v !== value);
  params.delete(key);
  for (const v of rest) params.append(key, v);
}

/** "₹500 – ₹1,000", "₹500 and above", "Up to ₹1,000". */
export const priceLabel = (min?: number, max?: number | null) =>
  min !== undefined && max != null
    ? `${formatRupees(min)} – ${formatRupees(max)}`
    : min !== undefined
      ? `${formatRupees(min)} and above`
      : `Up to ${formatRupees(max ?? 0)}`;
