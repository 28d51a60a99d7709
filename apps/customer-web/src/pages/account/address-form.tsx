import { useFormError, useTRPC } from "@bazaar/client";
import { type AddressDto, INDIAN_STATES } from "@bazaar/schemas";
import { Button, ErrorAlert, Form, SelectField, TextField } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

const FIELDS = ["label", "name", "phone", "line1", "line2", "landmark", "city", "state", "pincode"] as const;
type IndianState = (typeof INDIAN_STATES)[number];
type Values = Record<(typeof FIELDS)[number], string>;

const EMPTY: Values = {
  label: "",
  name: "",
  phone: "",
  line1: "",
  line2: "",
  landmark: "",
  city: "",
  state: "",
  pincode: "",
};

const valuesOf = (a: AddressDto): Values => ({
  label: a.label ?? "",
  name: a.name,
  phone: a.phone,
  line1: a.line1,
  line2: a.line2 ?? "",
  landmark: a.landmark ?? "",
  city: a.city,
  state: a.state,
  pincode: a.pincode,
});

/** After any change: the address book (and checkout's choice of address) is read again. */
export function useInvalidateAddresses() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.addresses.list.queryFilter());
}

/**
 * Saving an address. An edit sends every field, so clearing an optional one clears it; a new
 * address leaves blank optional fields out.
 */
function useAddressForm(address: AddressDto | undefined, onDone: (saved: AddressDto) => void) {
  const trpc = useTRPC();
  const invalidate = useInvalidateAddresses();
  const [values, setValues] = useState<Values>(address ? valuesOf(address) : EMPTY);
  const [isDefault, setIsDefault] = useState(false);
  const onSuccess = async (saved: AddressDto) => {
    await invalidate();
    onDone(saved);
  };
  const create = useMutation(trpc.addresses.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.addresses.update.mutationOptions({ onSuccess }));
  const mutation = address ? update : create;
  const error = useFormError(mutation.error);
  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = () => {
    // An unchosen state goes as is: the server's answer puts the error beside the field.
    const state = values.state as IndianState;
    if (address) {
      update.mutate({ id: address.id, ...values, state });
      return;
    }
    const { label, line2, landmark, ...required } = values;
    create.mutate({
      ...required,
      state,
      ...(label.trim() && { label }),
      ...(line2.trim() && { line2 }),
      ...(landmark.trim() && { landmark }),
      isDefault,
    });
  };
  return { values, set, isDefault, setIsDefault, submit, pending: mutation.isPending, error };
}

/** A new address, or changes to one; checkout uses it too, to add an address in place. */
export function AddressForm(props: {
  address?: AddressDto;
  onDone: (saved: AddressDto) => void;
  onCancel: () => void;
}) {
  const { values, set, isDefault, setIsDefault, submit, pending, error } = useAddressForm(
    props.address,
    props.onDone,
  );
  const text = (key: keyof Values, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={`address-${key}`}
      name={key}
      label={label}
      value={values[key]}
      onValue={set(key)}
      error={error?.fieldErrors[key]}
      {...extra}
    />
  );

  return (
    <Form
      aria-label={props.address ? "Edit address" : "New address"}
      testId="address-form"
      pending={pending}
      onSubmit={submit}
    >
      <ErrorAlert error={error} fields={FIELDS} />
      <div className="bz-form-row">
        {text("name", "Full name", { autoComplete: "name" })}
        {text("phone", "Mobile number", { type: "tel", autoComplete: "tel", placeholder: "98765 43210" })}
      </div>
      {text("line1", "Flat, house no., building", { autoComplete: "address-line1" })}
      {text("line2", "Area, street, village (optional)", { autoComplete: "address-line2" })}
      {text("landmark", "Landmark (optional)", { placeholder: "Near Apollo Hospital" })}
      <div className="bz-form-row">
        {text("city", "Town or city", { autoComplete: "address-level2" })}
        <SelectField
          id="address-state"
          name="state"
          label="State"
          autoComplete="address-level1"
          placeholder="Choose a state"
          options={INDIAN_STATES}
          value={values.state}
          onValue={set("state")}
          error={error?.fieldErrors.state}
        />
        {text("pincode", "PIN code", { inputMode: "numeric", maxLength: 6, autoComplete: "postal-code" })}
      </div>
      {text("label", "Label (optional)", {
        placeholder: "Home, Office…",
        hint: "Helps you tell addresses apart.",
      })}
      {!props.address && (
        <label className="bz-checkbox" htmlFor="address-default">
          <input
            id="address-default"
            type="checkbox"
            checked={isDefault}
            onChange={(e) => setIsDefault(e.target.checked)}
          />
          Make this my default address
        </label>
      )}
      <div className="bz-form-actions">
        <Button type="submit" pending={pending} pendingLabel="Saving…">
          {props.address ? "Save address" : "Add address"}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
