import type { FormError } from "@bazaar/client";
import { Card } from "@bazaar/ui";
import type { StockTarget } from "../stock-dialog";
import { OptionsEditor } from "./options-editor";
import type { ProductFormState, SetField } from "./product-form-state";
import type { useVariantRows } from "./use-variant-rows";
import { VariantMatrix } from "./variant-matrix";

/** The options (Size, Colour) and the matrix of variants they make. */
export function VariantsCard(props: {
  state: ProductFormState;
  set: SetField;
  variants: ReturnType<typeof useVariantRows>;
  error: FormError | null;
  cellErrors: Record<string, string>;
  disabled: boolean;
  isNew: boolean;
  onAdjustStock: ((target: StockTarget) => void) | undefined;
}) {
  const { variants } = props;
  return (
    <Card title="Options and variants">
      <OptionsEditor
        options={props.state.options}
        onChange={props.set("options")}
        error={props.error}
        disabled={props.disabled}
      />
      <VariantMatrix
        rows={variants.rows}
        orphans={variants.orphans}
        onRow={variants.onRow}
        errors={props.cellErrors}
        disabled={props.disabled}
        onAdjustStock={props.onAdjustStock}
        onFillSkus={variants.fillSkus}
        onCopyFirst={variants.copyFirst}
      />
      {props.isNew && (
        <p className="bz-muted bz-small">
          Stock entered here is the starting stock; later changes go through stock adjustments, each with a
          reason.
        </p>
      )}
    </Card>
  );
}
