import { Button } from "@bazaar/ui";
import type { StockTarget } from "../stock-dialog";
import { comboLabel, type MatrixRow, type VariantDraft } from "./variants";

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

type Cell = "sku" | "price" | "compareAt" | "weight" | "initialStock";

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
  const input = (
    row: MatrixRow,
    index: number,
    cell: Cell,
    label: string,
    extra: { inputMode?: "decimal" | "numeric"; placeholder?: string } = {},
  ) => {
    const error = errors[`${row.key}.${cell}`];
    const name = comboLabel(row.values);
    const id = `variant-${index}-${cell}`;
    return (
      <td className={error ? "bz-field--invalid" : undefined}>
        <input
          id={id}
          className={`bz-input bz-input--cell${cell === "sku" ? " bz-input--sku" : ""}`}
          aria-label={`${label} for ${name}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          value={row.draft[cell]}
          onChange={(e) => onRow(row.key, { [cell]: e.target.value })}
          disabled={disabled || !row.draft.enabled}
          {...extra}
        />
        {error && (
          <p id={`${id}-error`} className="bz-field__error" data-testid="variant-error">
            {error}
          </p>
        )}
      </td>
    );
  };

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
            {rows.map((row, index) => {
              const name = comboLabel(row.values);
              const rowError = errors[`${row.key}.row`];
              return (
                <tr
                  key={row.key}
                  data-testid="variant-row"
                  className={row.draft.enabled ? undefined : "bz-row--off"}
                >
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Sell ${name}`}
                      checked={row.draft.enabled}
                      onChange={(e) => onRow(row.key, { enabled: e.target.checked })}
                      disabled={disabled || rows.length === 1}
                    />
                  </td>
                  <td className="bz-nowrap">
                    <strong>{name}</strong>
                    {rowError && <p className="bz-field__error">{rowError}</p>}
                  </td>
                  {input(row, index, "sku", "SKU")}
                  {input(row, index, "price", "Price", { inputMode: "decimal", placeholder: "899.00" })}
                  {input(row, index, "compareAt", "Compare-at price", { inputMode: "decimal" })}
                  {input(row, index, "weight", "Weight", { inputMode: "numeric" })}
                  {row.draft.id ? (
                    <td className="bz-nowrap">
                      <span
                        className={row.draft.stock === 0 ? "bz-text-danger" : undefined}
                        data-testid="variant-stock"
                      >
                        {row.draft.stock}
                      </span>{" "}
                      {onAdjustStock && (
                        <Button
                          variant="link"
                          className="bz-small"
                          onClick={() =>
                            onAdjustStock({
                              variantId: row.draft.id!,
                              sku: row.draft.sku,
                              label: name,
                              stock: row.draft.stock ?? 0,
                            })
                          }
                        >
                          Adjust
                        </Button>
                      )}
                    </td>
                  ) : (
                    input(row, index, "initialStock", "Initial stock", {
                      inputMode: "numeric",
                      placeholder: "0",
                    })
                  )}
                </tr>
              );
            })}
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
