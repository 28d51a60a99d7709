import type { FormError } from "@bazaar/client";
import { Button, TextField } from "@bazaar/ui";
import { type OptionDraft, splitValues } from "./variants";

const MAX_OPTIONS = 3;
let nextKey = 0;
export const newOptionKey = () => `option-${++nextKey}`;

/** Options such as Size (S, M, L) and Colour (Red, Blue); the variant matrix follows them. */
export function OptionsEditor(props: {
  options: OptionDraft[];
  onChange: (options: OptionDraft[]) => void;
  error: FormError | null;
  disabled?: boolean;
}) {
  const { options, onChange, error } = props;
  const set = (key: string, patch: Partial<OptionDraft>) =>
    onChange(options.map((o) => (o.key === key ? { ...o, ...patch } : o)));
  return (
    <div className="bz-options" data-testid="options">
      {options.length === 0 && (
        <p className="bz-muted bz-small">
          No options: the product is sold in one version. Add an option such as Size or Colour to sell
          several.
        </p>
      )}
      {options.map((o, i) => {
        const values = splitValues(o.valuesText);
        return (
          <div key={o.key} className="bz-options__row">
            <TextField
              id={`option-${i}-name`}
              label={`Option ${i + 1} name`}
              placeholder={i === 0 ? "Size" : "Colour"}
              value={o.name}
              onValue={(name) => set(o.key, { name })}
              error={error?.fieldErrors[`options.${i}.name`]}
              disabled={props.disabled}
            />
            <TextField
              id={`option-${i}-values`}
              label={`Option ${i + 1} values`}
              placeholder={i === 0 ? "S, M, L" : "Red, Blue"}
              value={o.valuesText}
              onValue={(valuesText) => set(o.key, { valuesText })}
              error={
                error?.fieldErrors[`options.${i}.values`] ??
                Object.entries(error?.fieldErrors ?? {}).find(([k]) =>
                  k.startsWith(`options.${i}.values.`),
                )?.[1]
              }
              hint={
                values.length ? (
                  <span className="bz-tags">
                    {values.map((v) => (
                      <span key={v} className="bz-tag bz-tag--plain">
                        {v}
                      </span>
                    ))}
                  </span>
                ) : (
                  "Separate values with commas."
                )
              }
              disabled={props.disabled}
            />
            <Button
              variant="secondary"
              className="bz-button--small bz-options__remove"
              aria-label={`Remove option ${i + 1}`}
              onClick={() => onChange(options.filter((x) => x.key !== o.key))}
              disabled={props.disabled}
            >
              Remove
            </Button>
          </div>
        );
      })}
      {error?.fieldErrors.options && (
        <p className="bz-field__error" data-testid="options-error">
          {error.fieldErrors.options}
        </p>
      )}
      {options.length < MAX_OPTIONS && (
        <Button
          variant="secondary"
          className="bz-button--small"
          onClick={() => onChange([...options, { key: newOptionKey(), name: "", valuesText: "" }])}
          disabled={props.disabled}
          data-testid="add-option"
        >
          Add option
        </Button>
      )}
    </div>
  );
}
