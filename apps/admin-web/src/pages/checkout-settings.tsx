import { useFormError, useTRPC } from "@bazaar/client";
import { Card, ErrorAlert, Loading, Page, TextField } from "@bazaar/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type CheckoutSettingsFields,
  checkoutPayload,
  checkoutValues,
  codSummary,
  shippingSummary,
} from "./checkout-values";
import { SettingsFormFrame, useSettingsForm } from "./settings-form";

const FIELDS = [
  "shippingFlatFee",
  "freeShippingAbove",
  "maxQtyPerLine",
  "maxUnitsPerOrder",
  "codMaxOrderValue",
] as const;

/** Shipping fees, cart limits and the cash on delivery cap, the same for every shop and customer. */
export function CheckoutSettingsPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.admin.settings.checkout.queryOptions());
  const error = useFormError(settings.error);
  return (
    <Page
      title="Checkout settings"
      description="Shipping is charged per shop in an order. Limits apply to every cart; carts already over them are cut down the next time they are read."
    >
      {settings.data ? (
        <Card>
          <p className="bz-muted" data-testid="shipping-summary">
            {shippingSummary(settings.data)} At most {settings.data.maxQtyPerLine} of one item and{" "}
            {settings.data.maxUnitsPerOrder} items an order. {codSummary(settings.data)}
          </p>
          <SettingsForm settings={settings.data} />
        </Card>
      ) : settings.error ? (
        <ErrorAlert error={error} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function SettingsForm({ settings }: { settings: CheckoutSettingsFields }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSettingsForm({
    initial: () => checkoutValues(settings),
    toValues: checkoutValues,
    build: checkoutPayload,
    mutation: trpc.admin.settings.setCheckout.mutationOptions(),
    onSaved: (saved) => queryClient.setQueryData(trpc.admin.settings.checkout.queryKey(), saved),
  });
  const { values, set, fieldError } = form;

  return (
    <SettingsFormFrame
      form={form}
      label="Checkout settings"
      testId="checkout-settings-form"
      savedText="Checkout settings saved."
      fields={FIELDS}
    >
      <fieldset className="bz-subform">
        <legend>Shipping</legend>
        <div className="bz-form-row">
          <TextField
            id="shippingFlatFee"
            label="Flat fee per shop (₹)"
            inputMode="decimal"
            value={values.shippingFlatFee}
            onValue={set("shippingFlatFee")}
            error={fieldError("shippingFlatFee")}
            hint="0 makes shipping always free."
          />
          <TextField
            id="freeShippingAbove"
            label="Free from (₹, optional)"
            inputMode="decimal"
            value={values.freeShippingAbove}
            onValue={set("freeShippingAbove")}
            error={fieldError("freeShippingAbove")}
            hint="When a shop's items, after discounts, reach this. Blank: never free."
          />
        </div>
      </fieldset>
      <fieldset className="bz-subform">
        <legend>Cart limits</legend>
        <div className="bz-form-row">
          <TextField
            id="maxQtyPerLine"
            label="Most of one item"
            inputMode="numeric"
            value={values.maxQtyPerLine}
            onValue={set("maxQtyPerLine")}
            error={fieldError("maxQtyPerLine")}
            hint="1 to 1,000 units of one variant."
          />
          <TextField
            id="maxUnitsPerOrder"
            label="Most items in an order"
            inputMode="numeric"
            value={values.maxUnitsPerOrder}
            onValue={set("maxUnitsPerOrder")}
            error={fieldError("maxUnitsPerOrder")}
            hint="1 to 10,000 units in all."
          />
        </div>
      </fieldset>
      <fieldset className="bz-subform">
        <legend>Cash on delivery</legend>
        <div className="bz-form-row">
          <TextField
            id="codMaxOrderValue"
            label="Largest cash order (₹, optional)"
            inputMode="decimal"
            value={values.codMaxOrderValue}
            onValue={set("codMaxOrderValue")}
            error={fieldError("codMaxOrderValue")}
            hint="Orders above this total must be paid online. Blank: no cap."
          />
        </div>
      </fieldset>
    </SettingsFormFrame>
  );
}
