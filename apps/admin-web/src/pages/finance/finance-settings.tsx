import { useFormError, useTRPC } from "@bazaar/client";
import { formatPercent, formatRupees } from "@bazaar/client/format";
import type { FinanceSettings } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, Loading, Page, TextField } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { FINANCE_FIELDS, type FinanceValues, financePayload, financeValues } from "./finance-values";

/** The money rules each delivered sub-order is settled by, and the smallest payout a seller may ask for. */
export function FinanceSettingsPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.finance.queryOptions());
  const error = useFormError(settings.error);
  const s = settings.data;
  return (
    <Page
      title="Finance settings"
      description="A sub-order is settled by the rules in force when it is delivered; changing them does not touch settled ones."
    >
      {s ? (
        <Card>
          <p className="bz-muted" data-testid="finance-summary">
            Online orders pay a {formatPercent(s.gatewayFeeBps)} gateway fee plus{" "}
            {formatPercent(s.gatewayFeeGstBps)} GST on it; TCS is {formatPercent(s.tcsBps)} of the net taxable
            value. Sellers may withdraw from {formatRupees(s.minPayout)}.
          </p>
          <FinanceForm settings={s} />
        </Card>
      ) : settings.error ? (
        <ErrorAlert error={error} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function FinanceForm({ settings }: { settings: FinanceSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<FinanceValues>(() => financeValues(settings));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const save = useMutation(
    trpc.admin.settings.setFinance.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.admin.settings.finance.queryKey(), saved);
        setValues(financeValues(saved));
      },
    }),
  );
  const hasLocal = Object.keys(localErrors).length > 0;
  const error = useFormError(hasLocal ? null : save.error);
  const fieldError = (k: (typeof FINANCE_FIELDS)[number]) => localErrors[k] ?? error?.fieldErrors[k];
  const set = (k: keyof FinanceValues) => (v: string) => setValues((x) => ({ ...x, [k]: v }));
  const submit = () => {
    const built = financePayload(values);
    if (!built.ok) {
      save.reset();
      return setLocalErrors(built.errors);
    }
    setLocalErrors({});
    save.mutate(built.settings);
  };
  return (
    <Form
      aria-label="Finance settings"
      testId="finance-settings-form"
      pending={save.isPending}
      onSubmit={submit}
    >
      {save.isSuccess && !save.isPending && <Alert tone="success">Finance settings saved.</Alert>}
      <ErrorAlert error={error} fields={FINANCE_FIELDS} />
      <fieldset className="bz-subform">
        <legend>Deductions from each sale</legend>
        <div className="bz-form-row">
          <TextField
            id="gatewayFeeBps"
            label="Gateway fee (%)"
            inputMode="decimal"
            value={values.gatewayFeeBps}
            onValue={set("gatewayFeeBps")}
            error={fieldError("gatewayFeeBps")}
            hint="On online orders only; 0 to 10%."
          />
          <TextField
            id="gatewayFeeGstBps"
            label="GST on the fee (%)"
            inputMode="decimal"
            value={values.gatewayFeeGstBps}
            onValue={set("gatewayFeeGstBps")}
            error={fieldError("gatewayFeeGstBps")}
            hint="Of the fee itself; 18% today."
          />
          <TextField
            id="tcsBps"
            label="TCS (%)"
            inputMode="decimal"
            value={values.tcsBps}
            onValue={set("tcsBps")}
            error={fieldError("tcsBps")}
            hint="Tax collected at source on the net taxable value; 1% by law."
          />
        </div>
      </fieldset>
      <fieldset className="bz-subform">
        <legend>Payouts</legend>
        <TextField
          id="minPayout"
          label="Minimum payout (₹)"
          inputMode="decimal"
          value={values.minPayout}
          onValue={set("minPayout")}
          error={fieldError("minPayout")}
          hint="The smallest withdrawal a seller may ask for."
        />
      </fieldset>
      <div className="bz-form-actions">
        <Button type="submit" pending={save.isPending} pendingLabel="Saving…">
          Save settings
        </Button>
      </div>
    </Form>
  );
}
