import { Button } from "@bazaar/ui";
import type { StockTarget } from "../stock-dialog";
import { VariantMatrixRow } from "./variant-matrix-row";
import type { MatrixRow, VariantDraft } from "./variants";

type Props = {
  rows: MatrixRow[];
  /** Existing variants whose combination is gone: they stop being sold on save. */
  orphans: { key: string; draft: VariantDraft }[];
  onRow: (key: string, patch: Partial<VariantDraft>) => void;
  /** Cell errors keyed `rowKey.field`, from the client's checks and the server's answer. */
  errors: Record<string, string>;
  disabled?: boolean;
  onAdjustStock?: (target: StockTarget) => void;
  onFillSkus: () => void;
  onCopyFirst: () => void;
};

/** One row per combination of option values: SKU, price in rupees, compare-at, weight, stock. */
export function VariantMatrix({
  rows,
  orphans,
  onRow,
  errors,
  disabled,
  onAdjustStock,
  onFillSkus,
  onCopyFirst,
}: Props) {
  return (
    <div className="bz-matrix">
      <div className="bz-form-actions bz-matrix__tools">
        <span className="bz-muted bz-small">
          {rows.length} combination{rows.length === 1 ? "" : "s"} ·{" "}
          {rows.filter((r) => r.draft.enabled).length} included
        </span>
        <Button variant="secondary" className="bz-button--small" onClick={onFillSkus} disabled={disabled}>
          Fill empty SKUs
        </Button>
        <Button
          variant="secondary"
          className="bz-button--small"
          onClick={onCopyFirst}
          disabled={disabled || rows.length < 2}
        >
          Copy first row's prices and weight to all
        </Button>
      </div>
      <div className="bz-table-wrap">
        <table className="bz-table bz-table--matrix" data-testid="variant-matrix">
          <thead>
            <tr>
              <th>
                <span className="bz-visually-hidden">Sell</span>
              </th>
              <th>Variant</th>
              <th>SKU</th>
              <th>Price (₹)</th>
              <th>Compare-at (₹)</th>
              <th>Weight (g)</th>
              <th>Stock</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <VariantMatrixRow
                key={row.key}
                row={row}
                index={index}
                only={rows.length === 1}
                onRow={onRow}
                errors={errors}
                disabled={disabled}
                onAdjustStock={onAdjustStock}
              />
            ))}
          </tbody>
        </table>
      </div>
      {errors._matrix && <p className="bz-field__error">{errors._matrix}</p>}
      {orphans.length > 0 && (
        <p className="bz-alert bz-alert--warning bz-small" role="status">
          {orphans.length === 1
            ? "One variant no longer matches"
            : `${orphans.length} variants no longer match`}{" "}
          the options and will stop being sold when you save: {orphans.map((o) => o.draft.sku).join(", ")}.
        </p>
      )}
    </div>
  );
}
