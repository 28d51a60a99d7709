import { useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import type { PayoutDto, PayoutStatus } from "@bazaar/schemas";
import { Alert, Card, ErrorAlert, FilterTabs, Loading, LoadMore, Page } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { PAYOUT_STATUS_TABS } from "../finance/finance-values";
import { ExportPayoutsButton } from "./export-payouts";
import { PayoutDecisions } from "./payout-decisions";
import { PayoutRow } from "./payout-row";

type Tab = PayoutStatus | "all";
const TABS: readonly { value: Tab; label: string }[] = [
  ...PAYOUT_STATUS_TABS,
  { value: "all", label: "All" },
];

const EMPTY: Record<Tab, string> = {
  requested: "No payout requests wait for approval.",
  approved: "No approved payouts wait to be paid.",
  paid: "No payouts have been paid yet.",
  rejected: "No payouts have been rejected.",
  all: "No payouts yet.",
};

const readTab = (params: URLSearchParams): Tab => {
  const s = params.get("status");
  return TABS.find((t) => t.value === s)?.value ?? "requested";
};

/**
 * Sellers' withdrawals, oldest first within a status: approve a request, pay approved ones
 * from the bank (the CSV is the bank's bulk upload), then mark each paid with its UTR.
 */
export function PayoutsPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const status = readTab(params);
  // From a seller's page: this shop's payouts only.
  const seller = params.get("seller") ?? "";
  const href = (value: Tab) =>
    `/payouts?${new URLSearchParams({ status: value, ...(seller && { seller }) })}`;
  const list = useInfiniteQuery(
    trpc.admin.payouts.list.infiniteQueryOptions(
      {
        limit: 25,
        ...(status !== "all" && { status }),
        ...(seller && { sellerId: seller }),
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(list.error);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const [acting, setActing] = useState<{ payout: PayoutDto; action: "pay" | "reject" } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const total = rows.reduce((sum, p) => sum + p.amount, 0);

  return (
    <Page
      title="Payouts"
      description="Sellers' withdrawals from their available balance. Rejecting one returns its amount to the seller."
      actions={status === "approved" ? <ExportPayoutsButton onExported={setNotice} /> : undefined}
    >
      <FilterTabs label="Payout status" tabs={TABS} current={status} href={href} />
      {seller && (
        <p className="bz-muted" data-testid="payouts-seller">
          One shop's payouts{rows[0] ? `: ${rows[0].shopName}` : ""}.{" "}
          <Link to={`/payouts?status=${status}`}>All shops</Link>
        </p>
      )}
      {notice && (
        <Alert tone="success" testId="payouts-notice">
          {notice}
        </Alert>
      )}
      <Card>
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty" data-testid="payouts-empty">
            {EMPTY[status]}
          </p>
        ) : (
          <>
            <p className="bz-muted" data-testid="payouts-total">
              {rows.length} payout{rows.length === 1 ? "" : "s"} shown, {formatRupees(total)} in all
              {list.hasNextPage && " (more below)"}.
            </p>
            <div className="bz-table-wrap">
              <table className="bz-table" data-testid="payouts-table">
                <thead>
                  <tr>
                    <th>Payout</th>
                    <th>Shop</th>
                    <th>Bank account</th>
                    <th className="bz-align-right">Amount</th>
                    <th>Status</th>
                    <th>
                      <span className="bz-visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((p) => (
                    <PayoutRow
                      key={p.id}
                      payout={p}
                      onNotice={setNotice}
                      onPay={() => setActing({ payout: p, action: "pay" })}
                      onReject={() => setActing({ payout: p, action: "reject" })}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <LoadMore query={list} />
      </Card>
      <PayoutDecisions
        acting={acting}
        onClose={() => setActing(null)}
        onDone={(message) => {
          setActing(null);
          setNotice(message);
        }}
      />
    </Page>
  );
}
