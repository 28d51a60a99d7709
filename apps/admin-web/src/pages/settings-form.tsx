import { useFormError } from "@bazaar/client";
import { Alert, Button, ErrorAlert, Form } from "@bazaar/ui";
import { type UseMutationOptions, useMutation } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";

/** What a page's pure payload builder returns: the input to save, or the problem beside each field. */
export type Built<TInput> = { ok: true; settings: TInput } | { ok: false; errors: Record<string, string> };

/**
 * The admin settings form pattern: typed text values, checked in the browser first (those
 * errors win over the server's), then saved; the form shows what was saved, as the server wrote it.
 */
export function useSettingsForm<TSaved, TError, TInput, TValues extends Record<string, string>>(opts: {
  initial: () => TValues;
  toValues: (saved: TSaved) => TValues;
  build: (values: TValues) => Built<TInput>;
  /** The tRPC mutation options, without `onSuccess`: use `onSaved`. */
  mutation: UseMutationOptions<TSaved, TError, TInput>;
  onSaved: (saved: TSaved) => unknown;
}) {
  const [values, setValues] = useState<TValues>(opts.initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    ...opts.mutation,
    onSuccess: async (saved) => {
      setValues(opts.toValues(saved));
      await opts.onSaved(saved);
    },
  });
  const hasLocal = Object.keys(localErrors).length > 0;
  const error = useFormError(hasLocal ? null : save.error);
  const fieldError = (key: keyof TValues & string) => localErrors[key] ?? error?.fieldErrors[key];
  const set = (key: keyof TValues) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const submit = () => {
    const built = opts.build(values);
    if (!built.ok) {
      save.reset();
      setLocalErrors(built.errors);
      return;
    }
    setLocalErrors({});
    save.mutate(built.settings);
  };
  return { values, set, fieldError, error, save, submit };
}

/** The frame every settings form shares: saved notice, errors not beside a field, the save button. */
export function SettingsFormFrame({
  form,
  label,
  testId,
  savedText,
  fields,
  submitLabel = "Save settings",
  children,
}: {
  form: {
    error: ReturnType<typeof useFormError>;
    submit: () => void;
    save: { isPending: boolean; isSuccess: boolean };
  };
  label: string;
  testId?: string;
  savedText: string;
  fields: readonly string[];
  submitLabel?: string;
  children: ReactNode;
}) {
  const { save } = form;
  return (
    <Form aria-label={label} testId={testId} pending={save.isPending} onSubmit={form.submit}>
      {save.isSuccess && !save.isPending && <Alert tone="success">{savedText}</Alert>}
      <ErrorAlert error={form.error} fields={fields} />
      {children}
      <div className="bz-form-actions">
        <Button type="submit" pending={save.isPending} pendingLabel="Saving…">
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}
