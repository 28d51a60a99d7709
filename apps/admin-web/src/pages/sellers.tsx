import { useFormError, useTRPC } from "@bazaar/client";
import { formatDate, formatPercent } from "@bazaar/client/format";
import { type SellerDto, type SellerStatus, SellerStatus as SellerStatusSchema } from "@bazaar/schemas";
import { Card, ErrorAlert, FilterTabs, Loading, LoadMore, Page } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { UrlSearchForm } from "./url-filters";

const TABS: { value: SellerStatus | ""; label: string }[] = [
  { value: "pending", label: "Applications" },
  { value: "approved", label: "Approved" },
  { value: "rejected", label: "Rejected" },
  { value: "suspended", label: "Suspended" },
  { value: "", label: "All" },
];

export const sellerStatusTone: Record<SellerStatus, string> = {
  pending: "bz-tag--warning",
  approved: "bz-tag--accent",
  rejected: "bz-tag--danger",
  suspended: "bz-tag--danger",
};

/** Seller applications and shops by status, searchable by shop name, slug or email. */
export function SellersPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const raw = params.get("status");
  const parsed = SellerStatusSchema.safeParse(raw);
  const status: SellerStatus | "" = raw === "all" ? "" : parsed.success ? parsed.data : "pending";
  const q = params.get("q") ?? "";
  const sellers = useInfiniteQuery(
    trpc.admin.sellers.list.infiniteQueryOptions(
      { limit: 20, ...(status && { status }), ...(q && { q }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(sellers.error);
  const rows = sellers.data?.pages.flatMap((p) => p.items) ?? [];
  const href = (s: SellerStatus | "", query = q) => {
    const next = new URLSearchParams();
    next.set("status", s || "all");
    if (query) next.set("q", query);
    return `/sellers?${next}`;
  };

  return (
    <Page title="Sellers" description="Applications to sell, and the shops already open.">
      <FilterTabs label="Seller status" tabs={TABS} current={status} href={href} />
      <Card>
        <UrlSearchForm
          formLabel="Search sellers"
          label="Search"
          placeholder="Shop name, web address or email"
        />
        {sellers.isPending ? (
          <Loading />
        ) : sellers.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty">
            {status === "pending" && !q ? "No applications waiting." : "No sellers match."}
          </p>
        ) : (
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="sellers-table">
              <thead>
                <tr>
                  <th>Shop</th>
                  <th>Owner</th>
                  <th>Status</th>
                  <th>Commission</th>
                  <th>Applied</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((s) => (
                  <SellerRow key={s.id} seller={s} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore query={sellers} />
      </Card>
    </Page>
  );
}

function SellerRow({ seller: s }: { seller: SellerDto }) {
  return (
    <tr data-testid="seller-row">
      <td>
        <Link to={`/sellers/${s.id}`}>
          <strong>{s.shopName}</strong>
        </Link>
        <div className="bz-muted bz-small bz-mono">{s.slug}</div>
      </td>
      <td>
        {s.owner.name}
        <div className="bz-muted bz-small">{s.owner.email}</div>
      </td>
      <td>
        <span className={`bz-tag ${sellerStatusTone[s.status]}`}>{s.status}</span>
      </td>
      <td>
        {formatPercent(s.effectiveCommissionBps)}
        {s.commissionBps === null && <div className="bz-muted bz-small">default</div>}
      </td>
      <td className="bz-nowrap">{formatDate(s.createdAt)}</td>
    </tr>
  );
}
