import { Card, SelectField, TextField } from "@bazaar/ui";
import { AttributesEditor } from "./attributes-editor";
import type { ProductFormState, SetField } from "./product-form-state";

const GST_RATES = [
  { value: "0", label: "0% (exempt)" },
  { value: "500", label: "5%" },
  { value: "1200", label: "12%" },
  { value: "1800", label: "18%" },
  { value: "2800", label: "28%" },
];

/** HSN code and GST rate for invoices, and the product's attributes. */
export function TaxCard(props: {
  state: ProductFormState;
  set: SetField;
  fieldError: (key: string) => string | undefined;
}) {
  const { state, set, fieldError } = props;
  return (
    <Card title="Tax and attributes">
      <div className="bz-form-row">
        <TextField
          id="hsnCode"
          label="HSN code (optional)"
          inputMode="numeric"
          value={state.hsnCode}
          onValue={set("hsnCode")}
          error={fieldError("hsnCode")}
          hint="4, 6 or 8 digits, for GST invoices."
        />
        <SelectField
          id="gstRateBps"
          label="GST rate"
          options={GST_RATES}
          value={state.gstRateBps}
          onValue={set("gstRateBps")}
          error={fieldError("gstRateBps")}
        />
      </div>
      <div className="bz-mt" />
      <AttributesEditor
        attributes={state.attributes}
        onChange={set("attributes")}
        error={fieldError("attributes")}
      />
    </Card>
  );
}
