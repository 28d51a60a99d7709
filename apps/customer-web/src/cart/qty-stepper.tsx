/** − 2 + : one step at a time, never below 1 or above `max`. */
export function QtyStepper(props: {
  value: number;
  max: number;
  onChange: (qty: number) => void;
  /** "Quantity of Cotton saree". */
  label: string;
  disabled?: boolean;
}) {
  const { value, max, onChange, label, disabled } = props;
  return (
    <fieldset className="bz-stepper" data-testid="qty-stepper">
      <legend className="bz-visually-hidden">{label}</legend>
      <button
        type="button"
        className="bz-stepper__button"
        aria-label="One fewer"
        disabled={disabled || value <= 1}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <output className="bz-stepper__value" aria-live="polite" data-testid="qty">
        {value}
      </output>
      <button
        type="button"
        className="bz-stepper__button"
        aria-label="One more"
        disabled={disabled || value >= max}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </fieldset>
  );
}
