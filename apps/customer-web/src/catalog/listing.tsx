import { useFormError, useTRPC } from "@bazaar/client";
import { formatCount } from "@bazaar/client/format";
import type { ProductListInput } from "@bazaar/schemas";
import { ErrorAlert, flattenCategories, Loading, LoadMore, SelectField } from "@bazaar/ui";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import { ActiveFilters } from "./active-filters";
import { Filters } from "./filters";
import { type ListingFilters, SORTS, useListingParams } from "./listing-params";
import { ProductGrid } from "./product-card";

const PAGE_SIZE = 24;

type Fixed = { category?: string; seller?: string };

/** The list call for these filters; relevance is the default sort only when there is a search. */
function listInput(filters: ListingFilters, fixed: Fixed | undefined) {
  const category = fixed?.category ?? filters.category;
  return {
    limit: PAGE_SIZE,
    ...(filters.q && { q: filters.q }),
    ...(category && { category }),
    ...(fixed?.seller && { seller: fixed.seller }),
    ...(filters.brand.length > 0 && { brand: filters.brand }),
    ...(filters.minPrice !== undefined && { minPrice: filters.minPrice }),
    ...(filters.maxPrice !== undefined && { maxPrice: filters.maxPrice }),
    ...(filters.minRating && { minRating: filters.minRating }),
    ...(filters.inStock && { inStock: true }),
    sort: filters.sort ?? (filters.q ? "relevance" : "best_selling"),
  } satisfies ProductListInput;
}

/**
 * Results with filters and facet counts, sort and "Load more". `fixed` pins the category
 * (category pages) or the seller (shop pages); everything else comes from the URL.
 */
export function ProductListing(props: {
  fixed?: Fixed;
  heading?: ReactNode;
  /** Where a category facet leads; by default it filters this listing. */
  categoryHref?: (slug: string) => string;
}) {
  const trpc = useTRPC();
  const { params, filters, update } = useListingParams();
  const input = listInput(filters, props.fixed);
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
  const pinnedCategory = Boolean(props.fixed?.category);
  const filtering =
    filters.brand.length > 0 ||
    filters.minPrice !== undefined ||
    filters.maxPrice !== undefined ||
    filters.minRating !== undefined ||
    filters.inStock !== undefined ||
    (!pinnedCategory && filters.category !== undefined);

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
            pinnedCategory={pinnedCategory}
          />
        ) : (
          <Loading />
        )}
      </aside>
      <section className="bz-listing__results" aria-busy={list.isFetching || undefined}>
        <div className="bz-listing__head">
          <div>
            {props.heading}
            {first && <ResultCount total={first.total} lowerBound={first.totalIsLowerBound} q={filters.q} />}
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
          <ActiveFilters
            filters={filters}
            update={update}
            showCategory={!pinnedCategory}
            categoryName={(slug) => categoryNames.get(slug) ?? slug}
          />
        )}
        <ErrorAlert error={error} />
        {list.isPending ? (
          <Loading />
        ) : products.length === 0 ? (
          <NoResults q={filters.q} filtering={filtering} />
        ) : (
          <ProductGrid products={products} testId="results" />
        )}
        <LoadMore query={list} />
      </section>
    </div>
  );
}

/** "200+ products" when a broad search counted only its first candidates. */
function ResultCount({
  total,
  lowerBound,
  q,
}: {
  total: number;
  lowerBound: boolean;
  q: string | undefined;
}) {
  return (
    <p className="bz-muted" data-testid="result-count">
      {formatCount(total)}
      {lowerBound ? "+" : ""} product{total === 1 && !lowerBound ? "" : "s"}
      {q && (
        <>
          {" "}
          for “<strong>{q}</strong>”
        </>
      )}
    </p>
  );
}

function NoResults({ q, filtering }: { q: string | undefined; filtering: boolean }) {
  return (
    <div className="bz-empty" data-testid="no-results">
      <p>
        <strong>No products match{q ? ` “${q}”` : ""}.</strong>
      </p>
      <p>{filtering ? "Try removing a filter." : "Check the spelling or try a more general word."}</p>
    </div>
  );
}
