import { useFormError, useTRPC } from "@bazaar/client";
import { formatPercent, formatRupees } from "@bazaar/client/format";
import type { FinanceSettings } from "@bazaar/schemas";
import { Card, ErrorAlert, Loading, Page, TextField } from "@bazaar/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { SettingsFormFrame, useSettingsForm } from "../settings-form";
import { FINANCE_FIELDS, financePayload, financeValues } from "./finance-values";

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
  const form = useSettingsForm({
    initial: () => financeValues(settings),
    toValues: financeValues,
    build: financePayload,
    mutation: trpc.admin.settings.setFinance.mutationOptions(),
    onSaved: (saved) => queryClient.setQueryData(trpc.admin.settings.finance.queryKey(), saved),
  });
  const { values, set, fieldError } = form;
  return (
    <SettingsFormFrame
      form={form}
      label="Finance settings"
      testId="finance-settings-form"
      savedText="Finance settings saved."
      fields={FINANCE_FIELDS}
    >
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
    </SettingsFormFrame>
  );
}
