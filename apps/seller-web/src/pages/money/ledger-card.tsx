import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { LedgerEntryDto } from "@bazaar/schemas";
import { Button, Card, ErrorAlert, Form, Loading, LoadMore, SelectField, TextField } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { type LedgerFilters, ledgerFilterParams, ledgerQuery, readLedgerFilters } from "./ledger-filters";
import { BUCKET_LABELS, FRESH, LEDGER_KIND_LABELS, LEDGER_KINDS } from "./money-labels";

const KIND_OPTIONS = LEDGER_KINDS.map((k) => ({ value: k, label: LEDGER_KIND_LABELS[k] }));

/** Every entry of the seller's ledger, newest first, filtered by kind and India dates (in the URL). */
export function LedgerCard() {
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const applied = readLedgerFilters(params);
  const query = ledgerQuery(applied);
  const input = query.ok ? query.input : {};
  const entries = useInfiniteQuery(
    trpc.seller.ledger.list.infiniteQueryOptions(
      { limit: 50, ...input },
      {
        ...FRESH,
        getNextPageParam: (page) => page.nextCursor ?? undefined,
      },
    ),
  );
  const error = useFormError(entries.error);
  const rows = entries.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(applied.kind || applied.from || applied.to);
  return (
    <Card title="Ledger" testId="ledger">
      <LedgerFilterForm
        key={params.toString()}
        applied={applied}
        onApply={(f) => setParams(ledgerFilterParams(f), { replace: true })}
      />
      {entries.isPending ? (
        <Loading />
      ) : entries.error ? (
        <ErrorAlert error={error} fields={["kind", "from", "to"]} />
      ) : rows.length === 0 ? (
        <p className="bz-empty">
          {filtered
            ? "No entries match these filters."
            : "No entries yet. Your first sale credits here once it is delivered."}
        </p>
      ) : (
        <div className="bz-table-wrap">
          <table className="bz-table" data-testid="ledger-table" aria-busy={entries.isFetching || undefined}>
            <thead>
              <tr>
                <th>Entry</th>
                <th className="bz-align-right">Amount</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <LedgerRow key={e.id} entry={e} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore query={entries} />
    </Card>
  );
}

function LedgerRow({ entry: e }: { entry: LedgerEntryDto }) {
  const reference = e.subOrderNumber ?? e.payoutNumber;
  // Two columns, the date under the entry: it reads on a phone without scrolling sideways.
  return (
    <tr data-testid="ledger-row">
      <td>
        <strong>{LEDGER_KIND_LABELS[e.kind]}</strong>
        {reference && <span className="bz-mono bz-small"> · {reference}</span>}
        {e.description && <div className="bz-muted bz-small">{e.description}</div>}
        <div className="bz-muted bz-small">{formatDateTime(e.createdAt)}</div>
      </td>
      <td className="bz-align-right bz-nowrap">
        <span className={e.amount < 0 ? "bz-text-danger" : "bz-text-success"}>
          {e.amount > 0 ? "+" : ""}
          {formatRupees(e.amount)}
        </span>
        <div className="bz-muted bz-small">{BUCKET_LABELS[e.bucket]}</div>
      </td>
    </tr>
  );
}

/** Kind and dates, applied together (the list reloads once, not on every keystroke). */
function LedgerFilterForm(props: { applied: LedgerFilters; onApply: (f: LedgerFilters) => void }) {
  const [draft, setDraft] = useState(props.applied);
  const [toError, setToError] = useState<string | null>(null);
  const set = (key: keyof LedgerFilters) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const apply = () => {
    const checked = ledgerQuery(draft);
    if (!checked.ok) return setToError(checked.error);
    setToError(null);
    props.onApply(draft);
  };
  const clear = () => {
    setToError(null);
    props.onApply({ kind: "", from: "", to: "" });
  };
  return (
    <Form aria-label="Filter the ledger" className="bz-toolbar-form" onSubmit={apply}>
      <div className="bz-toolbar">
        <SelectField
          id="ledger-kind"
          label="Kind"
          placeholder="All kinds"
          options={KIND_OPTIONS}
          value={draft.kind}
          onValue={set("kind")}
        />
        <TextField id="ledger-from" label="From" type="date" value={draft.from} onValue={set("from")} />
        <TextField
          id="ledger-to"
          label="To"
          type="date"
          value={draft.to}
          onValue={set("to")}
          error={toError ?? undefined}
        />
        <Button type="submit" variant="secondary">
          Apply
        </Button>
        {(props.applied.kind || props.applied.from || props.applied.to) && (
          <Button variant="link" onClick={clear}>
            Clear filters
          </Button>
        )}
      </div>
    </Form>
  );
}
