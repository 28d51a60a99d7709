import { useFormError, useTRPC } from "@bazaar/client";
import { formatCount, formatRupees } from "@bazaar/client/format";
import type { Facets, ProductListInput } from "@bazaar/schemas";
import {
  Button,
  ErrorAlert,
  flattenCategories,
  Loading,
  LoadMore,
  paiseToRupeesText,
  parseRupees,
  SelectField,
} from "@bazaar/ui";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ProductGrid } from "./product-card";

type Sort = NonNullable<ProductListInput["sort"]>;
const SORTS: { value: Sort; label: string }[] = [
  { value: "relevance", label: "Most relevant" },
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
  { value: "rating", label: "Customer rating" },
  { value: "best_selling", label: "Best selling" },
];
const RATINGS = [4, 3, 2];
const PAGE_SIZE = 24;

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

/**
 * Results with filters and facet counts, sort and "Load more". `fixed` pins the category
 * (category pages) or the seller (shop pages); everything else comes from the URL.
 */
export function ProductListing(props: {
  fixed?: { category?: string; seller?: string };
  heading?: ReactNode;
  /** Where a category facet leads; by default it filters this listing. */
  categoryHref?: (slug: string) => string;
}) {
  const trpc = useTRPC();
  const { params, filters, update } = useListingParams();
  const category = props.fixed?.category ?? filters.category;
  const input = {
    limit: PAGE_SIZE,
    ...(filters.q && { q: filters.q }),
    ...(category && { category }),
    ...(props.fixed?.seller && { seller: props.fixed.seller }),
    ...(filters.brand.length > 0 && { brand: filters.brand }),
    ...(filters.minPrice !== undefined && { minPrice: filters.minPrice }),
    ...(filters.maxPrice !== undefined && { maxPrice: filters.maxPrice }),
    ...(filters.minRating && { minRating: filters.minRating }),
    ...(filters.inStock && { inStock: true }),
    sort: filters.sort ?? (filters.q ? "relevance" : "best_selling"),
  } satisfies ProductListInput;
  const list = useInfiniteQuery({
    ...trpc.catalog.products.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
    placeholderData: keepPreviousData,
  });
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const categoryNames = useMemo(
    () => new Map(flattenCategories(categories.data ?? []).map((c) => [c.slug, c.path])),
    [categories.data],
  );
  const error = useFormError(list.error);
  const first = list.data?.pages[0];
  const products = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtering =
    filters.brand.length > 0 ||
    filters.minPrice !== undefined ||
    filters.maxPrice !== undefined ||
    filters.minRating !== undefined ||
    filters.inStock !== undefined ||
    (!props.fixed?.category && filters.category !== undefined);

  const clearAll = () =>
    update((next) => {
      for (const key of ["brand", "min", "max", "rating", "instock", "category"]) next.delete(key);
    });

  return (
    <div className="bz-listing">
      <aside className="bz-filters" aria-label="Filters" data-testid="filters">
        {first ? (
          <Filters
            facets={first.facets}
            filters={filters}
            params={params}
            update={update}
            categoryHref={props.categoryHref}
            pinnedCategory={Boolean(props.fixed?.category)}
          />
        ) : (
          <Loading />
        )}
      </aside>
      <section className="bz-listing__results" aria-busy={list.isFetching || undefined}>
        <div className="bz-listing__head">
          <div>
            {props.heading}
            {first && (
              <p className="bz-muted" data-testid="result-count">
                {formatCount(first.total)} product{first.total === 1 ? "" : "s"}
                {filters.q && (
                  <>
                    {" "}
                    for “<strong>{filters.q}</strong>”
                  </>
                )}
              </p>
            )}
          </div>
          <SelectField
            id="sort"
            label="Sort by"
            options={filters.q ? SORTS : SORTS.filter((s) => s.value !== "relevance")}
            value={input.sort}
            onValue={(v) => update((next) => next.set("sort", v))}
          />
        </div>
        {filtering && (
          <div className="bz-chips" data-testid="active-filters">
            {!props.fixed?.category && filters.category && (
              <Chip
                label={`Category: ${categoryNames.get(filters.category) ?? filters.category}`}
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
        )}
        <ErrorAlert error={error} />
        {list.isPending ? (
          <Loading />
        ) : products.length === 0 ? (
          <div className="bz-empty" data-testid="no-results">
            <p>
              <strong>No products match{filters.q ? ` “${filters.q}”` : ""}.</strong>
            </p>
            <p>{filtering ? "Try removing a filter." : "Check the spelling or try a more general word."}</p>
          </div>
        ) : (
          <ProductGrid products={products} testId="results" />
        )}
        <LoadMore query={list} />
      </section>
    </div>
  );
}

function removeValue(params: URLSearchParams, key: string, value: string) {
  const rest = params.getAll(key).filter((v) => v !== value);
  params.delete(key);
  for (const v of rest) params.append(key, v);
}

const priceLabel = (min?: number, max?: number | null) =>
  min !== undefined && max != null
    ? `${formatRupees(min)} – ${formatRupees(max)}`
    : min !== undefined
      ? `${formatRupees(min)} and above`
      : `Up to ${formatRupees(max ?? 0)}`;

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

type FiltersProps = {
  facets: Facets;
  filters: ReturnType<typeof useListingParams>["filters"];
  params: URLSearchParams;
  update: (change: (next: URLSearchParams) => void) => void;
  categoryHref: ((slug: string) => string) | undefined;
  pinnedCategory: boolean;
};

function Filters({ facets, filters, params, update, categoryHref, pinnedCategory }: FiltersProps) {
  const [min, setMin] = useState(params.get("min") ?? "");
  const [max, setMax] = useState(params.get("max") ?? "");
  const [priceError, setPriceError] = useState<string | null>(null);
  const urlMin = params.get("min") ?? "";
  const urlMax = params.get("max") ?? "";
  useEffect(() => {
    setMin(urlMin);
    setMax(urlMax);
  }, [urlMin, urlMax]);

  const brands = [
    ...facets.brands,
    ...filters.brand
      .filter((b) => !facets.brands.some((f) => f.brand.toLowerCase() === b.toLowerCase()))
      .map((brand) => ({ brand, count: 0 })),
  ];
  const checked = (brand: string) => filters.brand.some((b) => b.toLowerCase() === brand.toLowerCase());
  const query = new URLSearchParams(params);
  query.delete("category");
  const hrefFor = (slug: string) => {
    if (categoryHref) return `${categoryHref(slug)}${query.toString() ? `?${query}` : ""}`;
    const next = new URLSearchParams(params);
    next.set("category", slug);
    return `?${next}`;
  };

  const applyPrice = () => {
    const lo = min.trim() ? parseRupees(min) : null;
    const hi = max.trim() ? parseRupees(max) : null;
    if ((lo && !lo.ok) || (hi && !hi.ok))
      return setPriceError("Enter amounts in rupees, like 500 or 1299.50");
    if (lo?.ok && hi?.ok && lo.paise > hi.paise) return setPriceError("The minimum is above the maximum");
    setPriceError(null);
    update((next) => {
      if (lo?.ok) next.set("min", paiseToRupeesText(lo.paise));
      else next.delete("min");
      if (hi?.ok) next.set("max", paiseToRupeesText(hi.paise));
      else next.delete("max");
    });
  };

  return (
    <>
      {facets.categories.length > 0 && (
        <FilterGroup title={pinnedCategory ? "Subcategories" : "Category"}>
          <ul className="bz-facet" data-testid="facet-categories">
            {facets.categories.map((c) => (
              <li key={c.slug}>
                <Link
                  to={hrefFor(c.slug)}
                  className={filters.category === c.slug ? "bz-facet__active" : undefined}
                >
                  {c.name}
                </Link>
                <span className="bz-facet__count">{c.count}</span>
              </li>
            ))}
          </ul>
        </FilterGroup>
      )}
      <FilterGroup title="Price">
        <ul className="bz-facet" data-testid="facet-prices">
          {facets.priceBuckets.map((b) => {
            const active =
              filters.minPrice === (b.min || undefined) && filters.maxPrice === (b.max ?? undefined);
            return (
              <li key={b.min}>
                <button
                  type="button"
                  className={`bz-facet__button${active ? " bz-facet__active" : ""}`}
                  disabled={b.count === 0 && !active}
                  aria-pressed={active}
                  onClick={() =>
                    update((next) => {
                      if (b.min) next.set("min", paiseToRupeesText(b.min));
                      else next.delete("min");
                      if (b.max !== null) next.set("max", paiseToRupeesText(b.max));
                      else next.delete("max");
                    })
                  }
                >
                  {b.min === 0 && b.max !== null
                    ? `Under ${formatRupees(b.max)}`
                    : b.max === null
                      ? `${formatRupees(b.min)} and above`
                      : `${formatRupees(b.min)} – ${formatRupees(b.max)}`}
                </button>
                <span className="bz-facet__count">{b.count}</span>
              </li>
            );
          })}
        </ul>
        <form
          className="bz-price-range"
          aria-label="Price range"
          onSubmit={(e) => {
            e.preventDefault();
            applyPrice();
          }}
        >
          <label className="bz-visually-hidden" htmlFor="price-min">
            Minimum price in rupees
          </label>
          <input
            id="price-min"
            className="bz-input"
            inputMode="decimal"
            placeholder="₹ Min"
            value={min}
            onChange={(e) => setMin(e.target.value)}
          />
          <span aria-hidden="true">–</span>
          <label className="bz-visually-hidden" htmlFor="price-max">
            Maximum price in rupees
          </label>
          <input
            id="price-max"
            className="bz-input"
            inputMode="decimal"
            placeholder="₹ Max"
            value={max}
            onChange={(e) => setMax(e.target.value)}
          />
          <button type="submit" className="bz-button bz-button--secondary bz-button--small">
            Go
          </button>
        </form>
        {priceError && <p className="bz-field__error">{priceError}</p>}
      </FilterGroup>
      {brands.length > 0 && (
        <FilterGroup title="Brand">
          <ul className="bz-facet" data-testid="facet-brands">
            {brands.map((b) => (
              <li key={b.brand}>
                <label className="bz-checkbox">
                  <input
                    type="checkbox"
                    checked={checked(b.brand)}
                    onChange={(e) =>
                      update((next) => {
                        const current = next
                          .getAll("brand")
                          .filter((x) => x.toLowerCase() !== b.brand.toLowerCase());
                        next.delete("brand");
                        for (const x of e.target.checked ? [...current, b.brand] : current)
                          next.append("brand", x);
                      })
                    }
                  />
                  {b.brand}
                </label>
                <span className="bz-facet__count">{b.count}</span>
              </li>
            ))}
          </ul>
        </FilterGroup>
      )}
      <FilterGroup title="Customer rating">
        <ul className="bz-facet">
          {RATINGS.map((r) => (
            <li key={r}>
              <label className="bz-checkbox">
                <input
                  type="radio"
                  name="rating"
                  checked={filters.minRating === r}
                  onChange={() => update((next) => next.set("rating", String(r)))}
                />
                {r}★ &amp; up
              </label>
            </li>
          ))}
          <li>
            <label className="bz-checkbox">
              <input
                type="radio"
                name="rating"
                checked={!filters.minRating}
                onChange={() => update((next) => next.delete("rating"))}
              />
              Any rating
            </label>
          </li>
        </ul>
      </FilterGroup>
      <FilterGroup title="Availability">
        <label className="bz-checkbox">
          <input
            type="checkbox"
            checked={Boolean(filters.inStock)}
            onChange={(e) =>
              update((next) => (e.target.checked ? next.set("instock", "1") : next.delete("instock")))
            }
          />
          In stock only
        </label>
      </FilterGroup>
    </>
  );
}

function FilterGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="bz-filters__group">
      <h2 className="bz-filters__title">{title}</h2>
      {children}
    </section>
  );
}
