import { useId } from "react";
import { starsLabel } from "./review-labels";

/**
 * 1–5 stars as a radio group: arrow keys move between stars (native radios), each star is
 * labelled for screen readers, and the chosen one and those before it are filled.
 */
export function StarInput(props: {
  value: number;
  onChange: (rating: number) => void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset
      className={`bz-field bz-star-input${props.error ? " bz-field--invalid" : ""}`}
      aria-describedby={props.error ? `${id}-error` : undefined}
      data-testid="star-input"
    >
      <legend className="bz-field__label">Your rating</legend>
      <div className="bz-star-input__stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <label
            key={n}
            className={`bz-star-input__star${n <= props.value ? " bz-star-input__star--on" : ""}`}
          >
            <input
              type="radio"
              name={`${id}-rating`}
              value={n}
              checked={props.value === n}
              onChange={() => props.onChange(n)}
              className="bz-visually-hidden"
              aria-invalid={props.error ? true : undefined}
            />
            <span aria-hidden="true">★</span>
            <span className="bz-visually-hidden">{starsLabel(n)}</span>
          </label>
        ))}
      </div>
      {props.error && (
        <p id={`${id}-error`} className="bz-field__error" data-testid="rating-error">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
