import { type FormError, formAlertMessage } from "@bazaar/client";
import {
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useEffect,
  useRef,
  useState,
} from "react";

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: "primary" | "secondary" | "danger" | "link";
  /** Disables the button and shows `pendingLabel` while a call runs. */
  pending?: boolean;
  pendingLabel?: string;
};

export function Button({
  variant = "primary",
  pending,
  pendingLabel,
  children,
  className,
  ...rest
}: ButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      className={`bz-button bz-button--${variant}${className ? ` ${className}` : ""}`}
      disabled={rest.disabled || pending}
      aria-busy={pending || undefined}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

export function Alert(props: {
  tone?: "error" | "success" | "info" | "warning";
  title?: string;
  children: ReactNode;
  testId?: string;
}) {
  const tone = props.tone ?? "info";
  return (
    <div
      className={`bz-alert bz-alert--${tone}`}
      role={tone === "error" ? "alert" : "status"}
      data-testid={props.testId}
    >
      {props.title && <strong className="bz-alert__title">{props.title}</strong>}
      <div>{props.children}</div>
    </div>
  );
}

/** Counts down from `seconds` (restarting whenever `key` changes) and reports what is left. */
export function useCountdown(seconds: number | null, key?: unknown): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    setLeft(seconds ?? 0);
    if (!seconds) return;
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds, key]);
  return left;
}

/** `value`, once it has stopped changing for `ms` (a search box's text before it is sent). */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** "42 seconds", or "899 seconds (about 15 minutes)" for long waits. */
export const waitText = (seconds: number) =>
  seconds > 90
    ? `${seconds} seconds (about ${Math.round(seconds / 60)} minutes)`
    : `${seconds} second${seconds === 1 ? "" : "s"}`;

/**
 * The Alert for a failed call: errors that belong to a field shown in the form are left to
 * that field; a rate limit counts down its retry-after seconds.
 */
export function ErrorAlert({ error, fields = [] }: { error: FormError | null; fields?: readonly string[] }) {
  const left = useCountdown(error?.retryAfterSeconds ?? null, error);
  const message = formAlertMessage(error, fields);
  if (!error || !message) return null;
  if (error.retryAfterSeconds) {
    return (
      <Alert tone="warning" title="Too many attempts" testId="rate-limit">
        {left > 0 ? `Please wait ${waitText(left)} and try again.` : "You can try again now."}
      </Alert>
    );
  }
  return (
    <Alert tone="error" testId="form-error">
      {message}
    </Alert>
  );
}

type FieldProps = {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
};

/** A label, a control, and the control's error or hint underneath. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  return (
    <div className={`bz-field${error ? " bz-field--invalid" : ""}`}>
      <label htmlFor={id} className="bz-field__label">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="bz-field__error" data-testid={`${id}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="bz-field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, error?: string, hint?: ReactNode) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "onChange"> & {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  onValue?: (value: string) => void;
};

export function TextField({ id, label, error, hint, onValue, ...input }: TextFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        name={input.name ?? id}
        className="bz-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onValue?.(e.target.value)}
        {...input}
      />
    </Field>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "onChange"> & {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  onValue?: (value: string) => void;
};

export function TextAreaField({ id, label, error, hint, onValue, ...textarea }: TextAreaFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        name={textarea.name ?? id}
        className="bz-input bz-textarea"
        rows={textarea.rows ?? 4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onValue?.(e.target.value)}
        {...textarea}
      />
    </Field>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "onChange"> & {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  options: readonly (string | { value: string; label: string })[];
  /** Shown first with an empty value. */
  placeholder?: string;
  onValue?: (value: string) => void;
};

export function SelectField({
  id,
  label,
  error,
  hint,
  options,
  placeholder,
  onValue,
  ...select
}: SelectFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        name={select.name ?? id}
        className="bz-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(e) => onValue?.(e.target.value)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => {
          const { value, label } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option key={value} value={value}>
              {label}
            </option>
          );
        })}
      </select>
    </Field>
  );
}

type FormProps = {
  onSubmit: () => void;
  /** While true every control inside is disabled (one fieldset), so nothing is sent twice. */
  pending?: boolean;
  children: ReactNode;
  className?: string;
  "aria-label"?: string;
  testId?: string;
};

/** A form the server validates: no browser bubbles, so the server's field errors show inline. */
export function Form({ onSubmit, pending = false, children, className, testId, ...aria }: FormProps) {
  const form = useRef<HTMLFormElement>(null);
  const wasPending = useRef(pending);
  // When an answer comes back with field errors, take the user to the first one.
  useEffect(() => {
    if (wasPending.current && !pending)
      form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    wasPending.current = pending;
  }, [pending]);
  return (
    <form
      ref={form}
      noValidate
      className={`bz-form${className ? ` ${className}` : ""}`}
      aria-busy={pending || undefined}
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) onSubmit();
      }}
      {...aria}
    >
      <fieldset disabled={pending} className="bz-fieldset">
        {children}
      </fieldset>
    </form>
  );
}
