import type { FormError } from "@bazaar/client";
import { INDIAN_STATES, type SellerDto } from "@bazaar/schemas";
import { SelectField, TextField } from "@bazaar/ui";

export const ADDRESS_KEYS = [
  "name",
  "phone",
  "line1",
  "line2",
  "landmark",
  "city",
  "state",
  "pincode",
] as const;
export type AddressValues = Record<(typeof ADDRESS_KEYS)[number], string>;
export const EMPTY_ADDRESS: AddressValues = {
  name: "",
  phone: "",
  line1: "",
  line2: "",
  landmark: "",
  city: "",
  state: "",
  pincode: "",
};

export const addressValuesOf = (a: SellerDto["pickupAddress"]): AddressValues => ({
  name: a.name,
  phone: a.phone,
  line1: a.line1,
  line2: a.line2 ?? "",
  landmark: a.landmark ?? "",
  city: a.city,
  state: a.state,
  pincode: a.pincode,
});

/** The address as the API takes it: optional lines left out when empty. */
export function addressPayload(v: AddressValues): SellerDto["pickupAddress"] {
  const { line2, landmark, state, ...rest } = v;
  return {
    ...rest,
    state: state as SellerDto["pickupAddress"]["state"],
    ...(line2.trim() && { line2 }),
    ...(landmark.trim() && { landmark }),
  };
}

/** Field paths this block shows errors beside, for ErrorAlert. */
export const addressErrorFields = ADDRESS_KEYS.map((k) => `pickupAddress.${k}`);

/** The pickup address: where couriers collect the seller's parcels. */
export function PickupAddressFields(props: {
  values: AddressValues;
  onChange: (values: AddressValues) => void;
  error: FormError | null;
}) {
  const { values, error } = props;
  const set = (key: keyof AddressValues) => (value: string) => props.onChange({ ...values, [key]: value });
  const text = (
    key: keyof AddressValues,
    label: string,
    extra: Partial<Parameters<typeof TextField>[0]> = {},
  ) => (
    <TextField
      id={`pickup-${key}`}
      label={label}
      value={values[key]}
      onValue={set(key)}
      error={error?.fieldErrors[`pickupAddress.${key}`]}
      {...extra}
    />
  );
  return (
    <fieldset className="bz-subform">
      <legend>Pickup address</legend>
      <div className="bz-form-row">
        {text("name", "Contact person", { autoComplete: "name" })}
        {text("phone", "Contact mobile", { type: "tel", autoComplete: "tel", placeholder: "98765 43210" })}
      </div>
      {text("line1", "Shop, building, street", { autoComplete: "address-line1" })}
      <div className="bz-form-row">
        {text("line2", "Area (optional)", { autoComplete: "address-line2" })}
        {text("landmark", "Landmark (optional)")}
      </div>
      <div className="bz-form-row">
        {text("city", "Town or city", { autoComplete: "address-level2" })}
        <SelectField
          id="pickup-state"
          label="State"
          placeholder="Choose a state"
          options={INDIAN_STATES}
          value={values.state}
          onValue={set("state")}
          error={error?.fieldErrors["pickupAddress.state"]}
        />
        {text("pincode", "PIN code", { inputMode: "numeric", maxLength: 6, autoComplete: "postal-code" })}
      </div>
    </fieldset>
  );
}

export type BankValues = { holder: string; number: string; ifsc: string };
export const EMPTY_BANK: BankValues = { holder: "", number: "", ifsc: "" };
export const bankErrorFields = ["bankAccount.holder", "bankAccount.number", "bankAccount.ifsc"];

/** Bank account for payouts. The number is never shown back in full. */
export function BankAccountFields(props: {
  values: BankValues;
  onChange: (values: BankValues) => void;
  error: FormError | null;
}) {
  const { values, error } = props;
  const set = (key: keyof BankValues) => (value: string) => props.onChange({ ...values, [key]: value });
  return (
    <fieldset className="bz-subform">
      <legend>Bank account for payouts</legend>
      <TextField
        id="bank-holder"
        label="Account holder name"
        value={values.holder}
        onValue={set("holder")}
        error={error?.fieldErrors["bankAccount.holder"]}
      />
      <div className="bz-form-row">
        <TextField
          id="bank-number"
          label="Account number"
          inputMode="numeric"
          autoComplete="off"
          value={values.number}
          onValue={set("number")}
          error={error?.fieldErrors["bankAccount.number"]}
        />
        <TextField
          id="bank-ifsc"
          label="IFSC"
          placeholder="HDFC0001234"
          value={values.ifsc}
          onValue={set("ifsc")}
          error={error?.fieldErrors["bankAccount.ifsc"]}
        />
      </div>
    </fieldset>
  );
}

/** "XXXXXX1234 · HDFC0000123 · Ravi Textiles" */
export function MaskedBankAccount({ bank }: { bank: SellerDto["bankAccount"] }) {
  return (
    <dl className="bz-facts" data-testid="bank-masked">
      <dt>Account holder</dt>
      <dd>{bank.holder}</dd>
      <dt>Account number</dt>
      <dd className="bz-mono">{bank.numberMasked}</dd>
      <dt>IFSC</dt>
      <dd className="bz-mono">{bank.ifsc}</dd>
    </dl>
  );
}

export type ContactValues = { contactEmail: string; contactPhone: string; gstin: string; pan: string };

/** How customers and the platform reach the shop, and its tax ids; shared by apply and profile. */
export function ShopContactFields(props: {
  values: ContactValues;
  set: (key: keyof ContactValues) => (value: string) => void;
  error: FormError | null;
}) {
  const { values, set, error } = props;
  return (
    <>
      <div className="bz-form-row">
        <TextField
          id="contactEmail"
          label="Contact email"
          type="email"
          value={values.contactEmail}
          onValue={set("contactEmail")}
          error={error?.fieldErrors.contactEmail}
        />
        <TextField
          id="contactPhone"
          label="Contact mobile"
          type="tel"
          value={values.contactPhone}
          onValue={set("contactPhone")}
          error={error?.fieldErrors.contactPhone}
        />
      </div>
      <div className="bz-form-row">
        <TextField
          id="gstin"
          label="GSTIN (optional)"
          value={values.gstin}
          onValue={set("gstin")}
          error={error?.fieldErrors.gstin}
        />
        <TextField
          id="pan"
          label="PAN (optional)"
          value={values.pan}
          onValue={set("pan")}
          error={error?.fieldErrors.pan}
        />
      </div>
    </>
  );
}
