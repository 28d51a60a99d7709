import { useFormError, useTRPC } from "@bazaar/client";
import { type AddressDto, INDIAN_STATES } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, Loading, Page, SelectField, TextField } from "@bazaar/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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

/** "+919876543210" → "+91 98765 43210". */
const formatPhone = (p: string) => p.replace(/^\+91(\d{5})(\d{5})$/, "+91 $1 $2");

function useInvalidateAddresses() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries(trpc.addresses.list.queryFilter());
}

export function AddressesPage() {
  const trpc = useTRPC();
  const list = useQuery(trpc.addresses.list.queryOptions());
  const listError = useFormError(list.error);
  /** Which form is open: a new address, one address's id, or none. */
  const [editing, setEditing] = useState<"new" | string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
  };

  return (
    <Page
      title="Addresses"
      description="Where we deliver. The default address is picked first at checkout."
      actions={
        editing !== "new" && (
          <Button
            onClick={() => {
              setEditing("new");
              setNotice(null);
            }}
            data-testid="add-address"
          >
            Add address
          </Button>
        )
      }
    >
      {notice && (
        <Alert tone="success" testId="address-notice">
          {notice}
        </Alert>
      )}
      {editing === "new" && (
        <Card title="New address">
          <AddressForm onDone={() => done("Address added.")} onCancel={() => setEditing(null)} />
        </Card>
      )}
      {list.data ? (
        list.data.length === 0 && editing !== "new" ? (
          <Card>
            <p className="bz-empty">You have no saved addresses yet.</p>
          </Card>
        ) : (
          <ul className="bz-grid bz-list" data-testid="addresses">
            {list.data.map((address) =>
              editing === address.id ? (
                <li key={address.id} className="bz-grid__wide">
                  <Card title="Edit address">
                    <AddressForm
                      address={address}
                      onDone={() => done("Address saved.")}
                      onCancel={() => setEditing(null)}
                    />
                  </Card>
                </li>
              ) : (
                <AddressCard
                  key={address.id}
                  address={address}
                  onEdit={() => {
                    setEditing(address.id);
                    setNotice(null);
                  }}
                  onNotice={setNotice}
                />
              ),
            )}
          </ul>
        )
      ) : list.error ? (
        <ErrorAlert error={listError} />
      ) : (
        <Loading />
      )}
    </Page>
  );
}

function AddressCard(props: {
  address: AddressDto;
  onEdit: () => void;
  onNotice: (message: string) => void;
}) {
  const { address: a } = props;
  const trpc = useTRPC();
  const invalidate = useInvalidateAddresses();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.addresses.remove.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        props.onNotice("Address deleted.");
      },
    }),
  );
  const setDefault = useMutation(
    trpc.addresses.setDefault.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        props.onNotice(`${a.label || a.line1} is now your default address.`);
      },
    }),
  );
  const error = useFormError(remove.error ?? setDefault.error);
  const busy = remove.isPending || setDefault.isPending;
  return (
    <li>
      <Card className="bz-address" testId="address">
        <div className="bz-address__head">
          <strong>{a.label || a.name}</strong>
          {a.isDefault && <span className="bz-tag bz-tag--accent">Default</span>}
        </div>
        <address className="bz-address__body">
          {a.label && (
            <>
              {a.name}
              <br />
            </>
          )}
          {a.line1}
          {a.line2 && (
            <>
              <br />
              {a.line2}
            </>
          )}
          {a.landmark && (
            <>
              <br />
              Near {a.landmark}
            </>
          )}
          <br />
          {a.city}, {a.state} {a.pincode}
          <br />
          <span className="bz-muted">{formatPhone(a.phone)}</span>
        </address>
        <ErrorAlert error={error} />
        {confirming ? (
          <div className="bz-form-actions">
            <span>Delete this address?</span>
            <Button
              variant="danger"
              className="bz-button--small"
              pending={remove.isPending}
              pendingLabel="Deleting…"
              onClick={() => remove.mutate({ id: a.id })}
            >
              Delete
            </Button>
            <Button variant="secondary" className="bz-button--small" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </div>
        ) : (
          <div className="bz-form-actions">
            <Button variant="secondary" className="bz-button--small" disabled={busy} onClick={props.onEdit}>
              Edit
            </Button>
            {!a.isDefault && (
              <Button
                variant="secondary"
                className="bz-button--small"
                disabled={busy}
                pending={setDefault.isPending}
                pendingLabel="Saving…"
                onClick={() => setDefault.mutate({ id: a.id })}
              >
                Set as default
              </Button>
            )}
            <Button
              variant="danger"
              className="bz-button--small"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              Delete
            </Button>
          </div>
        )}
      </Card>
    </li>
  );
}

/** A new address, or changes to one; checkout uses it too, to add an address in place. */
export function AddressForm(props: {
  address?: AddressDto;
  onDone: (saved: AddressDto) => void;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateAddresses();
  const [values, setValues] = useState<Values>(props.address ? valuesOf(props.address) : EMPTY);
  const [isDefault, setIsDefault] = useState(false);
  const onSuccess = async (saved: AddressDto) => {
    await invalidate();
    props.onDone(saved);
  };
  const create = useMutation(trpc.addresses.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.addresses.update.mutationOptions({ onSuccess }));
  const mutation = props.address ? update : create;
  const error = useFormError(mutation.error);
  const set = (key: keyof Values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = () => {
    // An unchosen state goes as is: the server's answer puts the error beside the field.
    const state = values.state as IndianState;
    if (props.address) {
      // Every field is sent, so clearing an optional one clears it.
      update.mutate({ id: props.address.id, ...values, state });
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
      pending={mutation.isPending}
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
        <Button type="submit" pending={mutation.isPending} pendingLabel="Saving…">
          {props.address ? "Save address" : "Add address"}
        </Button>
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
