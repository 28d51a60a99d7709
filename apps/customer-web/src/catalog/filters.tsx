import type { Facets } from "@bazaar/schemas";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { type ListingFilters, RATINGS, type UpdateParams } from "./listing-params";
import { PriceFilter } from "./price-filter";

type FiltersProps = {
  facets: Facets;
  filters: ListingFilters;
  params: URLSearchParams;
  update: UpdateParams;
  categoryHref: ((slug: string) => string) | undefined;
  pinnedCategory: boolean;
};

/** The listing's side panel: category, price, brand, rating and availability, each with counts. */
export function Filters({ facets, filters, params, update, categoryHref, pinnedCategory }: FiltersProps) {
  return (
    <>
      {facets.categories.length > 0 && (
        <FilterGroup title={pinnedCategory ? "Subcategories" : "Category"}>
          <CategoryFacet facets={facets} filters={filters} params={params} categoryHref={categoryHref} />
        </FilterGroup>
      )}
      <FilterGroup title="Price">
        <PriceFilter buckets={facets.priceBuckets} filters={filters} params={params} update={update} />
      </FilterGroup>
      <BrandFacet facets={facets} filters={filters} update={update} />
      <FilterGroup title="Customer rating">
        <RatingFacet filters={filters} update={update} />
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

/** Categories as links: they filter this listing, or lead to the category's own page keeping the rest. */
function CategoryFacet(props: Pick<FiltersProps, "facets" | "filters" | "params" | "categoryHref">) {
  const { params, categoryHref } = props;
  const query = new URLSearchParams(params);
  query.delete("category");
  const hrefFor = (slug: string) => {
    if (categoryHref) return `${categoryHref(slug)}${query.toString() ? `?${query}` : ""}`;
    const next = new URLSearchParams(params);
    next.set("category", slug);
    return `?${next}`;
  };
  return (
    <ul className="bz-facet" data-testid="facet-categories">
      {props.facets.categories.map((c) => (
        <li key={c.slug}>
          <Link
            to={hrefFor(c.slug)}
            className={props.filters.category === c.slug ? "bz-facet__active" : undefined}
          >
            {c.name}
          </Link>
          <span className="bz-facet__count">{c.count}</span>
        </li>
      ))}
    </ul>
  );
}

/** Brands with counts; a brand in the URL but not in the results still shows, so it can be unticked. */
function BrandFacet({ facets, filters, update }: Pick<FiltersProps, "facets" | "filters" | "update">) {
  const brands = [
    ...facets.brands,
    ...filters.brand
      .filter((b) => !facets.brands.some((f) => f.brand.toLowerCase() === b.toLowerCase()))
      .map((brand) => ({ brand, count: 0 })),
  ];
  if (brands.length === 0) return null;
  const checked = (brand: string) => filters.brand.some((b) => b.toLowerCase() === brand.toLowerCase());
  const toggle = (brand: string, on: boolean) =>
    update((next) => {
      const current = next.getAll("brand").filter((x) => x.toLowerCase() !== brand.toLowerCase());
      next.delete("brand");
      for (const x of on ? [...current, brand] : current) next.append("brand", x);
    });
  return (
    <FilterGroup title="Brand">
      <ul className="bz-facet" data-testid="facet-brands">
        {brands.map((b) => (
          <li key={b.brand}>
            <label className="bz-checkbox">
              <input
                type="checkbox"
                checked={checked(b.brand)}
                onChange={(e) => toggle(b.brand, e.target.checked)}
              />
              {b.brand}
            </label>
            <span className="bz-facet__count">{b.count}</span>
          </li>
        ))}
      </ul>
    </FilterGroup>
  );
}

function RatingFacet({ filters, update }: Pick<FiltersProps, "filters" | "update">) {
  return (
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
