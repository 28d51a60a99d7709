import { useFormError, useTRPC } from "@bazaar/client";
import { Alert, Button, Card, ErrorAlert, Form, Loading, Page, TextField } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { parseWindowDays, windowText } from "./window-values";

/** The return window every shop follows unless it set its own (0 to 30 days; 0 = no returns). */
export function ReturnSettingsPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.returns.settings.queryOptions());
  const error = useFormError(settings.error);
  return (
    <Page
      title="Return window"
      description="How long after delivery buyers may ask to return items. A shop may set its own window; the rest follow this one."
    >
      {settings.data ? (
        <Card>
          <p className="bz-muted" data-testid="return-window-summary">
            Shops without their own window: {windowText(settings.data.defaultWindowDays)}.
          </p>
          <DefaultWindowForm days={settings.data.defaultWindowDays} />
        </Card>
      ) : settings.error ? (
        <ErrorAlert error={error} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function DefaultWindowForm({ days }: { days: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(String(days));
  const [localError, setLocalError] = useState<string | null>(null);
  const save = useMutation(
    trpc.admin.returns.setDefaultWindow.mutationOptions({
      onSuccess: async (saved) => {
        queryClient.setQueryData(trpc.admin.returns.settings.queryKey(), saved);
        setValue(String(saved.defaultWindowDays));
        await queryClient.invalidateQueries(trpc.admin.returns.shopWindow.pathFilter());
      },
    }),
  );
  const error = useFormError(localError ? null : save.error);
  const submit = () => {
    const parsed = parseWindowDays(value);
    if (!parsed.ok) {
      save.reset();
      return setLocalError(parsed.error);
    }
    setLocalError(null);
    save.mutate({ days: parsed.days });
  };
  return (
    <Form aria-label="Default return window" pending={save.isPending} onSubmit={submit}>
      {save.isSuccess && !save.isPending && <Alert tone="success">Return window saved.</Alert>}
      <ErrorAlert error={error} fields={["days"]} />
      <TextField
        id="default-window"
        label="Days after delivery"
        inputMode="numeric"
        value={value}
        onValue={setValue}
        error={localError ?? error?.fieldErrors.days}
        hint="0 to 30; 0 means no returns. It applies at once, also to orders already delivered: each is counted from its delivery day."
      />
      <div className="bz-form-actions">
        <Button type="submit" pending={save.isPending} pendingLabel="Saving…">
          Save
        </Button>
      </div>
    </Form>
  );
}
