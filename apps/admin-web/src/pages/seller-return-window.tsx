import { useFormError, useTRPC } from "@bazaar/client";
import type { ShopReturnWindowDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, Loading, TextField } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { parseWindowDays, windowText } from "./returns/window-values";

/** The shop's return window: the platform default, or its own (0 to 30 days). */
export function SellerReturnWindow({ sellerId }: { sellerId: string }) {
  const trpc = useTRPC();
  const current = useQuery(trpc.admin.returns.shopWindow.queryOptions({ sellerId }));
  const error = useFormError(current.error);
  return (
    <Card title="Return window" testId="seller-return-window">
      {current.data ? (
        <WindowForm sellerId={sellerId} window={current.data} />
      ) : current.error ? (
        <ErrorAlert error={error} />
      ) : (
        <Loading />
      )}
    </Card>
  );
}

function WindowForm({ sellerId, window: w }: { sellerId: string; window: ShopReturnWindowDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(w.returnWindowDays === null ? "" : String(w.returnWindowDays));
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const set = useMutation(
    trpc.admin.returns.setShopWindow.mutationOptions({
      onSuccess: (updated) => {
        setSaved(true);
        setValue(updated.returnWindowDays === null ? "" : String(updated.returnWindowDays));
        queryClient.setQueryData(trpc.admin.returns.shopWindow.queryKey({ sellerId }), updated);
      },
    }),
  );
  const error = useFormError(localError ? null : set.error);
  const save = (useDefault: boolean) => {
    setSaved(false);
    if (useDefault) return set.mutate({ sellerId, returnWindowDays: null });
    const parsed = parseWindowDays(value);
    if (!parsed.ok) {
      set.reset();
      return setLocalError(parsed.error);
    }
    setLocalError(null);
    set.mutate({ sellerId, returnWindowDays: parsed.days });
  };

  return (
    <>
      <p className="bz-muted" data-testid="shop-window-summary">
        Buyers may return items: <strong>{windowText(w.effectiveDays)}</strong>
        {w.returnWindowDays === null
          ? ", the platform default."
          : ` (platform default: ${windowText(w.platformDefaultDays).toLowerCase()}).`}
      </p>
      {saved && <Alert tone="success">Return window saved.</Alert>}
      <Form aria-label="Shop return window" pending={set.isPending} onSubmit={() => save(false)}>
        <ErrorAlert error={error} fields={["returnWindowDays"]} />
        <TextField
          id="shop-window"
          label="Shop's own window (days)"
          inputMode="numeric"
          placeholder={String(w.platformDefaultDays)}
          value={value}
          onValue={setValue}
          error={localError ?? error?.fieldErrors.returnWindowDays}
          hint="0 to 30; 0 means this shop takes no returns."
        />
        <div className="bz-form-actions">
          <Button type="submit" pending={set.isPending} pendingLabel="Saving…">
            Save window
          </Button>
          {w.returnWindowDays !== null && (
            <Button variant="secondary" onClick={() => save(true)}>
              Use platform default
            </Button>
          )}
        </div>
      </Form>
    </>
  );
}
