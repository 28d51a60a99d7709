import { Button } from "@bazaar/ui";
import type { StockTarget } from "../stock-dialog";
import { comboLabel, type MatrixRow, type VariantDraft } from "./variants";

type Cell = "sku" | "price" | "compareAt" | "weight" | "initialStock";

export type MatrixRowProps = {
  row: MatrixRow;
  index: number;
  /** The only row cannot be left out: a product needs a variant. */
  only: boolean;
  onRow: (key: string, patch: Partial<VariantDraft>) => void;
  errors: Record<string, string>;
  disabled: boolean | undefined;
  onAdjustStock: ((target: StockTarget) => void) | undefined;
};

/** One combination: whether it is sold, then SKU, prices, weight and stock. */
export function VariantMatrixRow(props: MatrixRowProps) {
  const { row, onRow } = props;
  const name = comboLabel(row.values);
  const rowError = props.errors[`${row.key}.row`];
  const textCell = (cell: Cell, label: string, extra: CellExtra = {}) => (
    <MatrixCell {...props} name={name} cell={cell} label={label} extra={extra} />
  );
  return (
    <tr data-testid="variant-row" className={row.draft.enabled ? undefined : "bz-row--off"}>
      <td>
        <input
          type="checkbox"
          aria-label={`Sell ${name}`}
          checked={row.draft.enabled}
          onChange={(e) => onRow(row.key, { enabled: e.target.checked })}
          disabled={props.disabled || props.only}
        />
      </td>
      <td className="bz-nowrap">
        <strong>{name}</strong>
        {rowError && <p className="bz-field__error">{rowError}</p>}
      </td>
      {textCell("sku", "SKU")}
      {textCell("price", "Price", { inputMode: "decimal", placeholder: "899.00" })}
      {textCell("compareAt", "Compare-at price", { inputMode: "decimal" })}
      {textCell("weight", "Weight", { inputMode: "numeric" })}
      {row.draft.id ? (
        <StockCell draft={row.draft} name={name} onAdjustStock={props.onAdjustStock} />
      ) : (
        textCell("initialStock", "Initial stock", { inputMode: "numeric", placeholder: "0" })
      )}
    </tr>
  );
}

type CellExtra = { inputMode?: "decimal" | "numeric"; placeholder?: string };

/** A text cell, labelled by its column and the combination, with its error below. */
function MatrixCell(props: MatrixRowProps & { name: string; cell: Cell; label: string; extra: CellExtra }) {
  const { row, cell } = props;
  const error = props.errors[`${row.key}.${cell}`];
  const id = `variant-${props.index}-${cell}`;
  return (
    <td className={error ? "bz-field--invalid" : undefined}>
      <input
        id={id}
        className={`bz-input bz-input--cell${cell === "sku" ? " bz-input--sku" : ""}`}
        aria-label={`${props.label} for ${props.name}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={row.draft[cell]}
        onChange={(e) => props.onRow(row.key, { [cell]: e.target.value })}
        disabled={props.disabled || !row.draft.enabled}
        {...props.extra}
      />
      {error && (
        <p id={`${id}-error`} className="bz-field__error" data-testid="variant-error">
          {error}
        </p>
      )}
    </td>
  );
}

/** An existing variant's stock, changed only through an adjustment with a reason. */
function StockCell(props: {
  draft: VariantDraft;
  name: string;
  onAdjustStock: ((target: StockTarget) => void) | undefined;
}) {
  const { draft, onAdjustStock } = props;
  return (
    <td className="bz-nowrap">
      <span className={draft.stock === 0 ? "bz-text-danger" : undefined} data-testid="variant-stock">
        {draft.stock}
      </span>{" "}
      {onAdjustStock && (
        <Button
          variant="link"
          className="bz-small"
          onClick={() =>
            onAdjustStock({
              variantId: draft.id!,
              sku: draft.sku,
              label: props.name,
              stock: draft.stock ?? 0,
            })
          }
        >
          Adjust
        </Button>
      )}
    </td>
  );
}
