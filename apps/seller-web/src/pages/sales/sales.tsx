import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import { type SaleEventDto, SaleEventListInput } from "@bazaar/schemas";
import {
  Button,
  Card,
  EditorCard,
  ErrorAlert,
  FilterTabs,
  Loading,
  LoadMore,
  Page,
  useEditor,
} from "@bazaar/ui";
import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { SaleForm } from "./sale-form";

type ListState = "all" | SaleEventDto["state"];
const TABS: { value: ListState; label: string }[] = [
  { value: "all", label: "All" },
  { value: "running", label: "Running" },
  { value: "scheduled", label: "Scheduled" },
  { value: "ended", label: "Ended" },
  { value: "cancelled", label: "Cancelled" },
];

const STATE_TONE: Record<SaleEventDto["state"], string> = {
  running: "bz-tag--accent",
  scheduled: "bz-tag--info",
  ended: "bz-tag--muted",
  cancelled: "bz-tag--danger",
};

/** Sale events: time-limited sale prices on chosen variants. */
export function SalesPage() {
  const trpc = useTRPC();
  const [params] = useSearchParams();
  const parsed = SaleEventListInput.shape.state.safeParse(params.get("state") ?? undefined);
  const state: ListState = parsed.success ? parsed.data : "all";
  const sales = useInfiniteQuery(
    trpc.seller.sales.list.infiniteQueryOptions(
      { limit: 20, state },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(sales.error);
  const rows = sales.data?.pages.flatMap((p) => p.items) ?? [];
  const editor = useEditor<SaleEventDto>();

  return (
    <Page
      title="Sales"
      description="Lower prices for a set time. Customers see the sale price, with the regular one struck through, while the sale runs."
      actions={
        editor.editing === null && (
          <Button onClick={() => editor.open("new")} data-testid="new-sale">
            New sale
          </Button>
        )
      }
    >
      <EditorCard
        editor={editor}
        noticeTestId="sale-notice"
        title={(sale) => (sale ? `Edit ${sale.name}` : "New sale")}
      >
        {(sale) => <SaleForm sale={sale} onDone={editor.done} onCancel={editor.close} />}
      </EditorCard>
      <FilterTabs
        label="Sale state"
        tabs={TABS}
        current={state}
        href={(v) => (v === "all" ? "/sales" : `/sales?state=${v}`)}
      />
      <Card>
        {sales.isPending ? (
          <Loading />
        ) : sales.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty">
            {state === "all" ? "No sales yet. Plan your first one." : "No sales match."}
          </p>
        ) : (
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="sales-table">
              <thead>
                <tr>
                  <th>Sale</th>
                  <th>When</th>
                  <th>State</th>
                  <th>
                    <span className="bz-visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((sale) => (
                  <SaleRow
                    key={sale.id}
                    sale={sale}
                    onEdit={() => editor.open(sale)}
                    onNotice={editor.setNotice}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore query={sales} />
      </Card>
    </Page>
  );
}

function SaleRow(props: { sale: SaleEventDto; onEdit: () => void; onNotice: (message: string) => void }) {
  const { sale } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(
    trpc.seller.sales.cancel.mutationOptions({
      onSuccess: async (cancelled) => {
        setConfirming(false);
        props.onNotice(`${cancelled.name} is cancelled: its items are back at their regular prices.`);
        await queryClient.invalidateQueries(trpc.seller.sales.list.pathFilter());
      },
    }),
  );
  const error = useFormError(cancel.error);
  const open = sale.state === "running" || sale.state === "scheduled";
  const titles = [...new Set(sale.items.map((i) => i.productTitle))];
  return (
    <tr data-testid="sale-row">
      <td>
        <strong>{sale.name}</strong>
        <div className="bz-muted bz-small">
          {sale.items.length} variant{sale.items.length === 1 ? "" : "s"}: {titles.slice(0, 3).join(", ")}
          {titles.length > 3 ? ` and ${titles.length - 3} more` : ""}
        </div>
      </td>
      <td className="bz-nowrap">
        {formatDateTime(sale.startsAt)}
        <div className="bz-muted bz-small">to {formatDateTime(sale.endsAt)}</div>
      </td>
      <td>
        <span className={`bz-tag ${STATE_TONE[sale.state]}`} data-testid="sale-state">
          {sale.state}
        </span>
      </td>
      <td className="bz-align-right">
        {open &&
          (confirming ? (
            <span className="bz-inline-action">
              <span className="bz-small">Cancel this sale?</span>
              <Button
                variant="danger"
                className="bz-button--small"
                onClick={() => cancel.mutate({ id: sale.id })}
                pending={cancel.isPending}
                pendingLabel="Cancelling…"
              >
                Cancel sale
              </Button>
              <Button variant="secondary" className="bz-button--small" onClick={() => setConfirming(false)}>
                Keep
              </Button>
            </span>
          ) : (
            <span className="bz-inline-action">
              <Button variant="secondary" className="bz-button--small" onClick={props.onEdit}>
                Edit
              </Button>
              <Button
                variant="danger"
                className="bz-button--small"
                onClick={() => setConfirming(true)}
                data-testid="cancel-sale"
              >
                Cancel
              </Button>
            </span>
          ))}
        {error && <p className="bz-field__error">{error.message}</p>}
      </td>
    </tr>
  );
}
