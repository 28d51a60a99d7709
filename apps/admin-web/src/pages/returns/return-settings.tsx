import { useFormError, useTRPC } from "@bazaar/client";
import { Card, ErrorAlert, Loading, Page, TextField } from "@bazaar/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type Built, SettingsFormFrame, useSettingsForm } from "../settings-form";
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
  const form = useSettingsForm({
    initial: () => ({ days: String(days) }),
    toValues: (saved) => ({ days: String(saved.defaultWindowDays) }),
    build: ({ days }): Built<{ days: number }> => {
      const parsed = parseWindowDays(days);
      return parsed.ok
        ? { ok: true, settings: { days: parsed.days } }
        : { ok: false, errors: { days: parsed.error } };
    },
    mutation: trpc.admin.returns.setDefaultWindow.mutationOptions(),
    onSaved: async (saved) => {
      queryClient.setQueryData(trpc.admin.returns.settings.queryKey(), saved);
      await queryClient.invalidateQueries(trpc.admin.returns.shopWindow.pathFilter());
    },
  });
  return (
    <SettingsFormFrame
      form={form}
      label="Default return window"
      savedText="Return window saved."
      fields={["days"]}
      submitLabel="Save"
    >
      <TextField
        id="default-window"
        label="Days after delivery"
        inputMode="numeric"
        value={form.values.days}
        onValue={form.set("days")}
        error={form.fieldError("days")}
        hint="0 to 30; 0 means no returns. It applies at once, also to orders already delivered: each is counted from its delivery day."
      />
    </SettingsFormFrame>
  );
}
