import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import { ErrorAlert, Loading } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ProductGrid } from "../catalog/product-card";

/** The storefront: featured products, top categories, and what is new. */
export function HomePage() {
  const trpc = useTRPC();
  const { status, user } = useAuth();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const featured = useQuery(
    trpc.catalog.products.list.queryOptions({ featured: true, limit: 8, sort: "best_selling" }),
  );
  const newest = useQuery(trpc.catalog.products.list.queryOptions({ limit: 8, sort: "newest" }));
  const error = useFormError(categories.error ?? featured.error ?? newest.error);

  return (
    <div className="bz-home">
      <section className="bz-hero bz-hero--home">
        {status === "signedIn" && user ? (
          <p className="bz-hero__hello" data-testid="home-greeting">
            Hello, {user.name}
          </p>
        ) : null}
        <h1 className="bz-hero__title">Handmade and homegrown, from sellers across India</h1>
        <p className="bz-muted">
          Sarees and kurtas from weaver families, pottery and décor from artisan workshops.
        </p>
        {status === "signedOut" && (
          <div className="bz-form-actions">
            <Link to="/register" className="bz-button bz-button--primary">
              Create account
            </Link>
            <Link to="/login" className="bz-button bz-button--secondary">
              Sign in
            </Link>
          </div>
        )}
      </section>
      <ErrorAlert error={error} />
      <section className="bz-section" aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="bz-section__title">
          Shop by category
        </h2>
        {categories.isPending ? (
          <Loading />
        ) : (
          <ul className="bz-category-tiles" data-testid="top-categories">
            {categories.data?.map((c) => (
              <li key={c.id} className="bz-category-tile">
                <Link to={`/c/${c.slug}`} className="bz-category-tile__name">
                  {c.name}
                </Link>
                {c.children.length > 0 && (
                  <span className="bz-category-tile__children">
                    {c.children.slice(0, 4).map((child, i) => (
                      <span key={child.id}>
                        {i > 0 && " · "}
                        <Link to={`/c/${child.slug}`}>{child.name}</Link>
                      </span>
                    ))}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {(featured.isPending || (featured.data?.items.length ?? 0) > 0) && (
        <section className="bz-section" aria-labelledby="featured-heading">
          <h2 id="featured-heading" className="bz-section__title">
            Featured
          </h2>
          {featured.data ? <ProductGrid products={featured.data.items} testId="featured" /> : <Loading />}
        </section>
      )}
      <section className="bz-section" aria-labelledby="newest-heading">
        <div className="bz-section__head">
          <h2 id="newest-heading" className="bz-section__title">
            New arrivals
          </h2>
          <Link to="/search?sort=newest">See all</Link>
        </div>
        {newest.data ? (
          newest.data.items.length ? (
            <ProductGrid products={newest.data.items} testId="newest" />
          ) : (
            <p className="bz-empty">No products yet.</p>
          )
        ) : (
          <Loading />
        )}
      </section>
    </div>
  );
}
