import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { LedgerBucket, LedgerEntryKind } from "@bazaar/schemas";
import { Card, ErrorAlert, Loading, LoadMore, SelectField } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LEDGER_BUCKETS, LEDGER_KINDS, ledgerBucketLabel, ledgerKindLabel } from "../finance/finance-values";

const KIND_OPTIONS = LEDGER_KINDS.map((k) => ({ value: k, label: ledgerKindLabel(k) }));
const BUCKET_OPTIONS = LEDGER_BUCKETS.map((b) => ({ value: b, label: ledgerBucketLabel(b) }));

/** The seller's ledger, newest first: every signed entry, filterable by kind and bucket. */
export function SellerLedger({ sellerId }: { sellerId: string }) {
  const trpc = useTRPC();
  const [kind, setKind] = useState("");
  const [bucket, setBucket] = useState("");
  const list = useInfiniteQuery(
    trpc.admin.ledger.list.infiniteQueryOptions(
      {
        sellerId,
        limit: 25,
        ...(kind ? { kind: kind as LedgerEntryKind } : {}),
        ...(bucket ? { bucket: bucket as LedgerBucket } : {}),
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(list.error);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Card title="Ledger" testId="seller-ledger">
      <div className="bz-toolbar">
        <SelectField
          id="ledger-kind"
          label="Kind"
          placeholder="Any kind"
          options={KIND_OPTIONS}
          value={kind}
          onValue={setKind}
        />
        <SelectField
          id="ledger-bucket"
          label="Balance"
          placeholder="Any balance"
          options={BUCKET_OPTIONS}
          value={bucket}
          onValue={setBucket}
        />
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorAlert error={error} />
      ) : rows.length === 0 ? (
        <p className="bz-empty">
          {kind || bucket ? "No entries match." : "No money has moved for this shop yet."}
        </p>
      ) : (
        <div className="bz-table-wrap">
          <table className="bz-table" data-testid="ledger-table">
            <thead>
              <tr>
                <th>When</th>
                <th>Entry</th>
                <th>Balance</th>
                <th className="bz-align-right">Amount</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-testid="ledger-row">
                  <td className="bz-nowrap bz-small">{formatDateTime(e.createdAt)}</td>
                  <td>
                    <strong>{ledgerKindLabel(e.kind)}</strong>
                    <div className="bz-small">{e.description}</div>
                    {(e.subOrderNumber || e.payoutNumber) && (
                      <div className="bz-muted bz-small bz-mono">{e.subOrderNumber ?? e.payoutNumber}</div>
                    )}
                  </td>
                  <td className="bz-small">{ledgerBucketLabel(e.bucket)}</td>
                  <td className={`bz-align-right bz-nowrap${e.amount < 0 ? " bz-text-danger" : ""}`}>
                    {e.amount > 0 ? "+" : ""}
                    {formatRupees(e.amount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={list} />
    </Card>
  );
}
