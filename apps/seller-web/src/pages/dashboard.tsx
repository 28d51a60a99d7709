import { useAuth, useFormError, useTRPC } from "@bazaar/client";
import { formatPercent } from "@bazaar/client/format";
import type { ProductStatus, SellerProductDto } from "@bazaar/schemas";
import { Alert, Card, ErrorAlert, Loading, Page, ProductStatusTags, productStatusLabel } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { WaitingCard } from "./waiting-card";

const STATUSES: ProductStatus[] = ["draft", "pending_review", "approved", "rejected", "archived"];
const LOW_STOCK = 5;
const SAMPLE = 100;

export function DashboardPage() {
  const trpc = useTRPC();
  const { user } = useAuth();
  const mine = useQuery(trpc.sellers.mine.queryOptions());
  const products = useQuery(trpc.seller.products.list.queryOptions({ limit: SAMPLE }));
  const error = useFormError(mine.error);
  const productsError = useFormError(products.error);
  const shop = mine.data;
  const items = products.data?.items ?? [];
  const more = Boolean(products.data?.nextCursor);
  const count = (s: ProductStatus) => items.filter((p) => p.status === s).length;
  const attention = items.filter(
    (p) =>
      p.status === "rejected" ||
      p.revision?.status === "rejected" ||
      (p.status === "approved" && p.variants.some((v) => v.stock < LOW_STOCK)),
  );

  return (
    <Page
      title={shop ? shop.shopName : `Welcome, ${user?.name ?? "seller"}`}
      description="Your seller dashboard."
      actions={
        <Link to="/products/new" className="bz-button bz-button--primary">
          Add product
        </Link>
      }
    >
      {error && <ErrorAlert error={error} />}
      {mine.isPending ? (
        <Loading />
      ) : !shop ? (
        <Alert tone="warning" title="No shop yet">
          Your account has no shop. <Link to="/apply">Apply to sell</Link>.
        </Alert>
      ) : shop.status !== "approved" ? (
        <Alert
          tone="error"
          title={shop.status === "suspended" ? "Your shop is suspended" : "Your shop is not open"}
        >
          {shop.statusReason ?? "Customers cannot see your products right now."}
        </Alert>
      ) : null}
      <Card title="Your shop" testId="seller-dashboard">
        <p>
          Signed in as <strong>{user?.name}</strong> ({user?.email}).
        </p>
        {shop && (
          <dl className="bz-facts">
            <dt>Status</dt>
            <dd className="bz-capitalize">{shop.status}</dd>
            <dt>Shop page</dt>
            <dd className="bz-mono">/shop/{shop.slug}</dd>
            <dt>Commission</dt>
            <dd>{formatPercent(shop.effectiveCommissionBps)} of each sale</dd>
          </dl>
        )}
      </Card>
      {shop?.status === "approved" && <WaitingCard />}
      <Card title="Products">
        {products.error ? (
          // A shop that is not open has its own alert above; the list's refusal would repeat it.
          shop?.status === "approved" || !shop ? (
            <ErrorAlert error={productsError} />
          ) : (
            <p className="bz-muted">Your products come back here when your shop is open again.</p>
          )
        ) : products.isPending ? (
          <Loading />
        ) : (
          <ul className="bz-stats" data-testid="product-counts">
            {STATUSES.map((s) => (
              <li key={s}>
                <Link to={`/products?status=${s}`} className="bz-stat">
                  <span className="bz-stat__value">
                    {count(s)}
                    {more ? "+" : ""}
                  </span>
                  <span className="bz-stat__label">{productStatusLabel(s)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      {attention.length > 0 && (
        <Card title="Needs your attention">
          <ul className="bz-list">
            {attention.slice(0, 10).map((p) => (
              <AttentionRow key={p.id} product={p} />
            ))}
          </ul>
        </Card>
      )}
    </Page>
  );
}

function AttentionRow({ product: p }: { product: SellerProductDto }) {
  const low = p.variants.filter((v) => v.stock < LOW_STOCK);
  return (
    <li className="bz-row">
      <div className="bz-row__main">
        <Link to={`/products/${p.id}`}>{p.title}</Link>{" "}
        <ProductStatusTags status={p.status} revision={p.revision} />
        <p className="bz-muted bz-small">
          {p.takenDownAt
            ? `Taken down by Bazaar: ${p.statusReason ?? "no reason given"}`
            : p.status === "rejected"
              ? `Rejected: ${p.statusReason ?? "no reason given"}`
              : p.revision?.status === "rejected"
                ? `Edit rejected: ${p.revision.reason ?? "no reason given"}`
                : `Low stock: ${low.map((v) => `${v.sku} (${v.stock})`).join(", ")}`}
        </p>
      </div>
    </li>
  );
}
