import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime, formatRupees } from "@bazaar/client/format";
import { type PayoutDto, PayoutStatus } from "@bazaar/schemas";
import { Card, ErrorAlert, FilterTabs, Loading, LoadMore, Page } from "@bazaar/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { FRESH, PAYOUT_STATUS_LABELS, PAYOUT_STATUS_TONES, payoutStatusNote } from "./money-labels";
import { PayoutRequestCard } from "./payout-request-card";

type Tab = PayoutStatus | "all";
const TABS: { value: Tab; label: string }[] = [
  { value: "all", label: "All" },
  ...PayoutStatus.options.map((s) => ({ value: s, label: PAYOUT_STATUS_LABELS[s] })),
];

/** Ask for a payout, and follow each one to the bank (its UTR) or back (the reason). */
export function PayoutsPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const parsed = PayoutStatus.safeParse(params.get("status") ?? undefined);
  const status: Tab = parsed.success ? parsed.data : "all";
  const balances = useQuery(trpc.seller.ledger.balances.queryOptions(undefined, FRESH));
  const openId = balances.data?.openPayoutId ?? null;
  const open = useQuery(
    trpc.seller.payouts.get.queryOptions({ id: openId ?? "" }, { enabled: Boolean(openId) }),
  );
  const payouts = useInfiniteQuery(
    trpc.seller.payouts.list.infiniteQueryOptions(
      { limit: 20, ...(status !== "all" && { status }) },
      { ...FRESH, getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(payouts.error);
  const rows = payouts.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Page
      title="Payouts"
      description={
        <>
          Withdraw your available balance to your bank. Where it comes from is on your{" "}
          <Link to="/earnings">earnings</Link> page.
        </>
      }
    >
      <PayoutRequestCard balances={balances} openNumber={open.data?.number ?? null} />
      <FilterTabs
        label="Payout status"
        tabs={TABS}
        current={status}
        href={(v) => (v === "all" ? "/payouts" : `/payouts?status=${v}`)}
      />
      <Card>
        {payouts.isPending ? (
          <Loading />
        ) : payouts.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty">
            {status === "all"
              ? "No payouts yet. Request one once you have available money."
              : "No payouts match."}
          </p>
        ) : (
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="payouts-table">
              <thead>
                <tr>
                  <th>Payout</th>
                  <th className="bz-align-right">Amount</th>
                  <th>Status</th>
                  <th>To</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <PayoutRow key={p.id} payout={p} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore query={payouts} />
      </Card>
    </Page>
  );
}

function PayoutRow({ payout: p }: { payout: PayoutDto }) {
  const last = p.paidAt ?? p.rejectedAt ?? p.approvedAt;
  return (
    <tr data-testid="payout-row">
      <td>
        <strong className="bz-mono">{p.number}</strong>
        <div className="bz-muted bz-small">Requested {formatDateTime(p.requestedAt)}</div>
      </td>
      <td className="bz-align-right bz-nowrap">{formatRupees(p.amount)}</td>
      <td>
        <span className={`bz-tag ${PAYOUT_STATUS_TONES[p.status]}`} data-testid="payout-status">
          {PAYOUT_STATUS_LABELS[p.status]}
        </span>
        <div className="bz-small" data-testid="payout-note">
          {payoutStatusNote(p)}
        </div>
        {last && <div className="bz-muted bz-small">{formatDateTime(last)}</div>}
      </td>
      <td className="bz-small">
        {p.bank.holder}
        <div className="bz-muted bz-mono">
          {p.bank.accountMasked} · {p.bank.ifsc}
        </div>
      </td>
    </tr>
  );
}
