import type { ReactNode } from "react";
import { Loading } from "./layout";

export type PickerOption = { id: string; label: string; detail?: string };

type MultiPickerProps = {
  id: string;
  label: string;
  /** What is chosen, in order. */
  selected: readonly PickerOption[];
  onChange: (next: PickerOption[]) => void;
  /** What can be chosen now: search results, or a filtered list. */
  options: readonly PickerOption[];
  query: string;
  onQuery: (q: string) => void;
  placeholder?: string;
  loading?: boolean;
  /** Shown when nothing is chosen. */
  emptyText?: string;
  /** Shown when the search finds nothing. */
  noResults?: string;
  error?: string | undefined;
  /** Problems with single choices, by id (a product that is not in the catalogue). */
  errors?: Readonly<Record<string, string>>;
  hint?: ReactNode;
};

/**
 * Choose several things from a searchable list: the choices as removable chips, a search
 * box, and the matches as checkboxes.
 */
export function MultiPicker({
  id,
  label,
  selected,
  onChange,
  options,
  query,
  onQuery,
  placeholder,
  loading,
  emptyText = "Nothing chosen.",
  noResults = "Nothing matches.",
  error,
  errors = {},
  hint,
}: MultiPickerProps) {
  const chosen = new Set(selected.map((o) => o.id));
  const toggle = (option: PickerOption, on: boolean) =>
    onChange(on ? [...selected, option] : selected.filter((o) => o.id !== option.id));
  const problems = selected.filter((o) => errors[o.id]);
  const describedBy = error || problems.length ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`bz-field bz-picker${error || problems.length ? " bz-field--invalid" : ""}`}>
      <label htmlFor={id} className="bz-field__label">
        {label}
      </label>
      {selected.length > 0 ? (
        <ul
          className="bz-chips bz-picker__chosen"
          aria-label={`Chosen: ${label}`}
          data-testid={`${id}-chosen`}
        >
          {selected.map((o) => (
            <li key={o.id} className={`bz-chip${errors[o.id] ? " bz-chip--invalid" : ""}`}>
              {o.label}
              <button
                type="button"
                className="bz-chip__remove"
                aria-label={`Remove ${o.label}`}
                onClick={() => toggle(o, false)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="bz-muted bz-small bz-picker__none">{emptyText}</p>
      )}
      <input
        id={id}
        type="search"
        className="bz-input"
        placeholder={placeholder}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        aria-invalid={error || problems.length ? true : undefined}
        aria-describedby={describedBy}
        // Enter searches as you type already; it must not submit the form around it.
        onKeyDown={(e) => {
          if (e.key === "Enter") e.preventDefault();
        }}
      />
      {options.length > 0 ? (
        <ul className="bz-picker__options" data-testid={`${id}-options`}>
          {options.map((o) => (
            <li key={o.id}>
              <label className="bz-checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(o.id)}
                  onChange={(e) => toggle(o, e.target.checked)}
                />
                <span>
                  {o.label}
                  {o.detail && <span className="bz-muted bz-small"> · {o.detail}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : loading ? (
        <Loading label="Searching…" />
      ) : (
        <p className="bz-muted bz-small">{noResults}</p>
      )}
      {error || problems.length ? (
        <div id={`${id}-error`} data-testid={`${id}-error`}>
          {error && <p className="bz-field__error">{error}</p>}
          {problems.map((o) => (
            <p key={o.id} className="bz-field__error">
              {o.label}: {errors[o.id]}
            </p>
          ))}
        </div>
      ) : hint ? (
        <p id={`${id}-hint`} className="bz-field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
