import { useFormError, useTRPC } from "@bazaar/client";
import { formatDate, formatRupees } from "@bazaar/client/format";
import {
  type ProductStatus,
  ProductStatus as ProductStatusSchema,
  type SellerProductDto,
} from "@bazaar/schemas";
import {
  Button,
  Card,
  ErrorAlert,
  Form,
  Loading,
  LoadMore,
  Page,
  ProductStatusTags,
  productStatusLabel,
  SelectField,
  TextField,
} from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { TakedownLine } from "./takedown-notice";

const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  ...ProductStatusSchema.options.map((s) => ({ value: s, label: productStatusLabel(s) })),
];

export function ProductsPage() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const parsed = ProductStatusSchema.safeParse(params.get("status"));
  const status: ProductStatus | undefined = parsed.success ? parsed.data : undefined;
  const q = params.get("q") ?? "";
  const [search, setSearch] = useState(q);
  const products = useInfiniteQuery(
    trpc.seller.products.list.infiniteQueryOptions(
      { limit: 20, ...(status && { status }), ...(q && { q }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(products.error);
  const rows = products.data?.pages.flatMap((p) => p.items) ?? [];
  const update = (next: { status?: string; q?: string }) => {
    const merged = { status: status ?? "", q, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)), { replace: true });
  };

  return (
    <Page
      title="Products"
      description="Everything in your catalogue. New products and edits to title, description, images or category are reviewed before customers see them."
      actions={
        <Link to="/products/new" className="bz-button bz-button--primary" data-testid="new-product">
          Add product
        </Link>
      }
    >
      <Card>
        <Form
          aria-label="Filter products"
          className="bz-toolbar-form"
          onSubmit={() => update({ q: search.trim() })}
        >
          <div className="bz-toolbar">
            <TextField
              id="q"
              label="Search"
              type="search"
              placeholder="Title"
              value={search}
              onValue={(v) => {
                setSearch(v);
                if (!v) update({ q: "" });
              }}
            />
            <SelectField
              id="status"
              label="Status"
              options={STATUS_OPTIONS}
              value={status ?? ""}
              onValue={(v) => update({ status: v })}
            />
            <Button type="submit" variant="secondary">
              Search
            </Button>
          </div>
        </Form>
        {products.isPending ? (
          <Loading />
        ) : products.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty">
            {status || q ? "No products match these filters." : "No products yet. Add your first one."}
          </p>
        ) : (
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="products-table">
              <thead>
                <tr>
                  <th>Product</th>
                  <th>Status</th>
                  <th className="bz-align-right">Price</th>
                  <th className="bz-align-right">Stock</th>
                  <th>Updated</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <ProductRow key={p.id} product={p} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore query={products} />
      </Card>
    </Page>
  );
}

function ProductRow({ product: p }: { product: SellerProductDto }) {
  const prices = p.variants.map((v) => v.price);
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  const stock = p.variants.reduce((sum, v) => sum + v.stock, 0);
  const image = p.images[0]?.url;
  return (
    <tr data-testid="product-row">
      <td>
        <div className="bz-media-row">
          {image ? (
            <img src={image} alt="" className="bz-thumb bz-thumb--small" />
          ) : (
            <span className="bz-thumb bz-thumb--small bz-thumb--empty" aria-hidden="true" />
          )}
          <div>
            <Link to={`/products/${p.id}`}>
              <strong>{p.title}</strong>
            </Link>
            <div className="bz-muted bz-small">
              {p.variants.length} variant{p.variants.length === 1 ? "" : "s"}
              {p.brand && ` · ${p.brand}`}
            </div>
            {p.takenDownAt ? (
              <TakedownLine product={p} />
            ) : (
              p.status === "rejected" &&
              p.statusReason && <div className="bz-small bz-text-danger">Rejected: {p.statusReason}</div>
            )}
            {p.revision?.status === "rejected" && (
              <div className="bz-small bz-text-danger">Edit rejected: {p.revision.reason}</div>
            )}
          </div>
        </div>
      </td>
      <td>
        {/* A takedown leaves the product rejected: say which kind of rejection it is. */}
        {p.takenDownAt && p.status === "rejected" ? (
          <span className="bz-tag bz-tag--danger">Taken down</span>
        ) : (
          <ProductStatusTags status={p.status} revision={p.revision} />
        )}
        {p.featured && <span className="bz-tag bz-tag--accent">Featured</span>}
      </td>
      <td className="bz-align-right bz-nowrap">
        {prices.length === 0
          ? "—"
          : min === max
            ? formatRupees(min)
            : `${formatRupees(min)} – ${formatRupees(max)}`}
      </td>
      <td className={`bz-align-right${stock === 0 ? " bz-text-danger" : ""}`}>{stock}</td>
      <td className="bz-nowrap">{formatDate(p.updatedAt)}</td>
    </tr>
  );
}
