import { useFormError, useTRPC } from "@bazaar/client";
import type { ShopReturnWindowDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, Loading, TextField } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { parseReturnWindow, returnWindowText } from "./return-window";

/** The shop's return window: its own number of days, or empty to follow Bazaar's default. */
export function ReturnWindowCard() {
  const trpc = useTRPC();
  const current = useQuery(trpc.seller.returns.window.queryOptions());
  const error = useFormError(current.error);
  return (
    <Card title="Returns" testId="return-window">
      {current.error ? (
        <ErrorAlert error={error} />
      ) : !current.data ? (
        <Loading />
      ) : (
        <ReturnWindowForm current={current.data} />
      )}
    </Card>
  );
}

function ReturnWindowForm({ current }: { current: ShopReturnWindowDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(current.returnWindowDays === null ? "" : String(current.returnWindowDays));
  const [localError, setLocalError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = useMutation(
    trpc.seller.returns.setWindow.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.seller.returns.window.queryKey(), updated);
        setNotice("Return window saved.");
      },
    }),
  );
  const error = useFormError(save.error);
  const submit = () => {
    const parsed = parseReturnWindow(text);
    if (!parsed.ok) return setLocalError(parsed.error);
    setLocalError(null);
    save.mutate({ returnWindowDays: parsed.days });
  };
  return (
    <Form aria-label="Return window" pending={save.isPending} onSubmit={submit}>
      {notice && <Alert tone="success">{notice}</Alert>}
      <p className="bz-muted" data-testid="return-window-now">
        {returnWindowText(current.effectiveDays)}
        {current.returnWindowDays === null && " (Bazaar's default)"}
      </p>
      <ErrorAlert error={localError ? null : error} fields={["returnWindowDays"]} />
      <TextField
        id="returnWindowDays"
        label="Return window in days"
        inputMode="numeric"
        placeholder={`${current.platformDefaultDays} (Bazaar's default)`}
        value={text}
        onValue={setText}
        error={localError ?? error?.fieldErrors.returnWindowDays}
        hint={`0 to 30 days after delivery; 0 means no returns. Leave it empty to follow Bazaar's default, now ${current.platformDefaultDays} days. It applies at once, to orders already delivered too.`}
      />
      <div className="bz-form-actions">
        <Button type="submit" pending={save.isPending} pendingLabel="Saving…">
          Save return window
        </Button>
      </div>
    </Form>
  );
}
