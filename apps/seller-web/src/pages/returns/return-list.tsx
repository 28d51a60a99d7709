import { formatDate, formatRupees } from "@bazaar/client/format";
import type { SellerReturnSummaryDto } from "@bazaar/schemas";
import { Button, ReturnStatusTag } from "@bazaar/ui";

/** The board's list: one button per return, the chosen one marked; "Load more" for the rest. */
export function ReturnList(props: {
  rows: SellerReturnSummaryDto[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const { query } = props;
  return (
    <nav aria-label="Returns" className="bz-master">
      {props.rows.length === 0 && <p className="bz-empty">None in this list.</p>}
      <ul className="bz-queue" data-testid="returns-list">
        {props.rows.map((r) => {
          const active = r.id === props.selectedId;
          return (
            <li key={r.id}>
              <button
                type="button"
                className={`bz-queue__item${active ? " bz-queue__item--active" : ""}`}
                aria-current={active ? "true" : undefined}
                onClick={() => props.onSelect(r.id)}
                data-testid="return-item"
              >
                <span className="bz-queue__title bz-mono">{r.number}</span>
                <span className="bz-small">
                  {r.customerName} · {r.itemCount} item{r.itemCount === 1 ? "" : "s"} ·{" "}
                  {formatRupees(r.refundAmount)}
                </span>
                <span className="bz-muted bz-small">Requested {formatDate(r.requestedAt)}</span>
                <ReturnStatusTag status={r.status} />
              </button>
            </li>
          );
        })}
      </ul>
      {query.hasNextPage && (
        <Button
          variant="secondary"
          className="bz-button--block"
          onClick={() => query.fetchNextPage()}
          pending={query.isFetchingNextPage}
          pendingLabel="Loading…"
        >
          Load more
        </Button>
      )}
    </nav>
  );
}
