import { useFormError, useTRPC } from "@bazaar/client";
import { ErrorAlert, flattenCategories, Loading, Page } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useParams } from "react-router";
import { ProductListing } from "../catalog/listing";
import { NotFoundPage } from "./not-found";

/** `/c/:slug`: a category and everything under it, with its subcategories as a facet. */
export function CategoryPage() {
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  const tree = useQuery(trpc.catalog.categories.queryOptions());
  const flat = useMemo(() => flattenCategories(tree.data ?? []), [tree.data]);
  const error = useFormError(tree.error);
  if (tree.error) return <ErrorAlert error={error} />;
  if (!tree.data) return <Loading />;
  const category = flat.find((c) => c.slug === slug);
  if (!category) return <NotFoundPage />;
  const trail: typeof flat = [];
  for (let c: (typeof flat)[number] | undefined = category; c; c = flat.find((p) => p.id === c?.parentId))
    trail.unshift(c);

  return (
    <>
      <nav aria-label="Breadcrumb" className="bz-breadcrumb">
        <Link to="/">Home</Link>
        {trail.slice(0, -1).map((c) => (
          <span key={c.id}>
            {" › "}
            <Link to={`/c/${c.slug}`}>{c.name}</Link>
          </span>
        ))}
      </nav>
      <Page title={category.name}>
        <ProductListing key={slug} fixed={{ category: slug }} categoryHref={(s) => `/c/${s}`} />
      </Page>
    </>
  );
}
