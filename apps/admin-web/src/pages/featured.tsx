import { useFormError, useTRPC } from "@bazaar/client";
import type { ProductCardDto } from "@bazaar/schemas";
import { Button, Card, ErrorAlert, Form, Loading, Page, Price, TextField } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

/** Feature or unfeature an approved product on the storefront's home page. */
export function FeatureToggle(props: {
  productId: string;
  featured: boolean;
  onDone?: (featured: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [featured, setFeatured] = useState(props.featured);
  const feature = useMutation(
    trpc.admin.products.feature.mutationOptions({
      onSuccess: async (_ok, input) => {
        setFeatured(input.featured);
        props.onDone?.(input.featured);
        await queryClient.invalidateQueries(trpc.catalog.products.list.pathFilter());
      },
    }),
  );
  const error = useFormError(feature.error);
  return (
    <span className="bz-inline-action">
      {featured && <span className="bz-tag bz-tag--accent">★ Featured</span>}
      <Button
        variant="secondary"
        className="bz-button--small"
        onClick={() => feature.mutate({ productId: props.productId, featured: !featured })}
        pending={feature.isPending}
        pendingLabel="Saving…"
        data-testid="feature-toggle"
      >
        {featured ? "Unfeature" : "☆ Feature on home page"}
      </Button>
      {error && <span className="bz-field__error">{error.message}</span>}
    </span>
  );
}

/** What the home page shows as featured, and a search to feature more. */
export function FeaturedPage() {
  const trpc = useTRPC();
  const featured = useQuery(
    trpc.catalog.products.list.queryOptions({ featured: true, limit: 60, sort: "newest" }),
  );
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const results = useQuery({
    ...trpc.catalog.products.list.queryOptions({ q, limit: 12 }),
    enabled: q.length > 0,
  });
  const error = useFormError(featured.error ?? results.error);
  const featuredIds = new Set(featured.data?.items.map((p) => p.id));

  return (
    <Page title="Featured products" description="Featured products lead the storefront's home page.">
      <ErrorAlert error={error} />
      <Card title={`Featured now${featured.data ? ` (${featured.data.total})` : ""}`}>
        {featured.isPending ? (
          <Loading />
        ) : featured.data?.items.length ? (
          <ProductRows products={featured.data.items} featuredIds={featuredIds} />
        ) : (
          <p className="bz-empty">Nothing is featured. Search below to feature a product.</p>
        )}
      </Card>
      <Card title="Feature a product">
        <Form aria-label="Search products" className="bz-toolbar-form" onSubmit={() => setQ(search.trim())}>
          <div className="bz-toolbar">
            <TextField
              id="q"
              label="Search approved products"
              type="search"
              value={search}
              onValue={setSearch}
            />
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </div>
        </Form>
        {q &&
          (results.isPending ? (
            <Loading />
          ) : results.data?.items.length ? (
            <ProductRows products={results.data.items} featuredIds={featuredIds} />
          ) : (
            <p className="bz-empty">No approved products match “{q}”.</p>
          ))}
      </Card>
    </Page>
  );
}

function ProductRows({ products, featuredIds }: { products: ProductCardDto[]; featuredIds: Set<string> }) {
  return (
    <ul className="bz-list" data-testid="featured-list">
      {products.map((p) => (
        <li key={p.id} className="bz-row">
          <div className="bz-media-row bz-row__main">
            {p.imageUrl ? (
              <img src={p.imageUrl} alt="" className="bz-thumb bz-thumb--small" />
            ) : (
              <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
            )}
            <div>
              <strong>{p.title}</strong>
              <div className="bz-muted bz-small">
                {p.seller.shopName} · <Price price={p.minPrice} maxPrice={p.maxPrice} />
              </div>
            </div>
          </div>
          <FeatureToggle
            key={String(featuredIds.has(p.id))}
            productId={p.id}
            featured={featuredIds.has(p.id)}
          />
        </li>
      ))}
    </ul>
  );
}
