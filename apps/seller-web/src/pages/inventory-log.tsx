import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import { Button, Card, ErrorAlert, Loading, LoadMore, Page } from "@bazaar/ui";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { comboLabel } from "./product-editor/variants";
import { StockDialog, type StockTarget } from "./stock-dialog";

const PAGE_SIZE = 25;

/** Every stock change of one product, newest first, with who made it and why. */
export function InventoryLogPage() {
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const product = useQuery(trpc.seller.products.byId.queryOptions({ id }));
  const log = useInfiniteQuery(
    trpc.seller.products.inventoryLog.infiniteQueryOptions(
      { productId: id, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(product.error ?? log.error);
  const [target, setTarget] = useState<StockTarget | null>(null);
  const rows = log.data?.pages.flatMap((p) => p.items) ?? [];
  const p = product.data;

  return (
    <Page
      title={p ? `Stock · ${p.title}` : "Stock"}
      description="Every change to stock is recorded here with its reason."
      actions={
        <Link to={`/products/${id}`} className="bz-button bz-button--secondary">
          Back to product
        </Link>
      }
    >
      <ErrorAlert error={error} />
      <Card title="Current stock">
        {!p ? (
          <Loading />
        ) : (
          <ul className="bz-list" data-testid="stock-levels">
            {p.variants.map((v) => (
              <li key={v.id} className="bz-row">
                <div className="bz-row__main">
                  <strong>{comboLabel(v.optionValues)}</strong>{" "}
                  <span className="bz-muted bz-small bz-mono">{v.sku}</span>
                </div>
                <span className={v.stock === 0 ? "bz-text-danger" : undefined}>{v.stock} in stock</span>
                <Button
                  variant="secondary"
                  className="bz-button--small"
                  disabled={p.status === "archived"}
                  onClick={() =>
                    setTarget({
                      variantId: v.id,
                      sku: v.sku,
                      label: comboLabel(v.optionValues),
                      stock: v.stock,
                    })
                  }
                >
                  Adjust
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title="History">
        {log.isPending ? (
          <Loading />
        ) : rows.length === 0 ? (
          <p className="bz-empty">No stock changes yet.</p>
        ) : (
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="inventory-log">
              <thead>
                <tr>
                  <th>When</th>
                  <th>SKU</th>
                  <th className="bz-align-right">Change</th>
                  <th className="bz-align-right">Stock after</th>
                  <th>Reason</th>
                  <th>By</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((m) => (
                  <tr key={m.id}>
                    <td className="bz-nowrap">{formatDateTime(m.createdAt)}</td>
                    <td className="bz-mono">{m.sku}</td>
                    <td className={`bz-align-right ${m.delta > 0 ? "bz-text-success" : "bz-text-danger"}`}>
                      {m.delta > 0 ? `+${m.delta}` : m.delta}
                    </td>
                    <td className="bz-align-right">{m.resultingStock}</td>
                    <td>{m.reason}</td>
                    <td>{m.actor ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore query={log} />
      </Card>
      <StockDialog target={target} productId={id} onClose={() => setTarget(null)} />
    </Page>
  );
}
