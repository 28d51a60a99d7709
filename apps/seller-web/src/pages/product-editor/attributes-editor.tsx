import { Button, TextField } from "@bazaar/ui";
import type { Attribute } from "./product-form-state";

let attrKey = 0;

/** Name–value facts about the product (Fabric: Cotton), added and removed one row at a time. */
export function AttributesEditor(props: {
  attributes: Attribute[];
  onChange: (a: Attribute[]) => void;
  error?: string | undefined;
}) {
  const { attributes, onChange } = props;
  const set = (key: string, patch: Partial<Attribute>) =>
    onChange(attributes.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  return (
    <div className="bz-field">
      <span className="bz-field__label">Attributes</span>
      {attributes.map((a, i) => (
        <div key={a.key} className="bz-options__row">
          <TextField
            id={`attr-${i}-name`}
            label="Name"
            placeholder="Fabric"
            value={a.name}
            onValue={(name) => set(a.key, { name })}
          />
          <TextField
            id={`attr-${i}-value`}
            label="Value"
            placeholder="Cotton"
            value={a.value}
            onValue={(value) => set(a.key, { value })}
          />
          <Button
            variant="secondary"
            className="bz-button--small bz-options__remove"
            onClick={() => onChange(attributes.filter((x) => x.key !== a.key))}
          >
            Remove
          </Button>
        </div>
      ))}
      {props.error ? (
        <p className="bz-field__error">{props.error}</p>
      ) : (
        <p className="bz-field__hint">Facts shown on the product page, such as fabric, length or care.</p>
      )}
      <div>
        <Button
          variant="secondary"
          className="bz-button--small"
          onClick={() => onChange([...attributes, { key: `new-attr-${++attrKey}`, name: "", value: "" }])}
        >
          Add attribute
        </Button>
      </div>
    </div>
  );
}
