import type { AddressDto } from "@bazaar/schemas";
import { Button, Card, formatPhone } from "@bazaar/ui";
import { useState } from "react";
import { Link } from "react-router";
import { AddressForm } from "./account/address-form";

/** Where the order goes: a choice of saved addresses, or a new one added on the spot. */
export function CheckoutAddress(props: {
  addresses: AddressDto[];
  addressId: string | null;
  onChoose: (id: string) => void;
  error: string | undefined;
}) {
  const { addresses: list } = props;
  const [adding, setAdding] = useState(false);
  return (
    <Card title="Delivery address" testId="checkout-address">
      {list.length === 0 && !adding && <p className="bz-muted">Add the address we should deliver to.</p>}
      {list.length > 0 && (
        <fieldset className="bz-choices" aria-invalid={props.error ? true : undefined}>
          <legend>Deliver to</legend>
          {list.map((a) => (
            <AddressChoice
              key={a.id}
              address={a}
              checked={a.id === props.addressId}
              onChoose={() => props.onChoose(a.id)}
            />
          ))}
          {props.error && (
            <p className="bz-field__error" data-testid="addressId-error">
              {props.error}
            </p>
          )}
        </fieldset>
      )}
      {adding || list.length === 0 ? (
        <div className="bz-subform bz-mt">
          <AddressForm
            onDone={(saved) => {
              props.onChoose(saved.id);
              setAdding(false);
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      ) : (
        <div className="bz-form-actions bz-mt">
          <Button variant="secondary" className="bz-button--small" onClick={() => setAdding(true)}>
            Add a new address
          </Button>
          <Link to="/account/addresses" className="bz-small">
            Manage addresses
          </Link>
        </div>
      )}
    </Card>
  );
}

function AddressChoice(props: { address: AddressDto; checked: boolean; onChoose: () => void }) {
  const a = props.address;
  const id = `address-${a.id}`;
  return (
    <label className="bz-choice" htmlFor={id} data-testid="address-choice">
      <input
        id={id}
        type="radio"
        name="addressId"
        value={a.id}
        checked={props.checked}
        onChange={props.onChoose}
      />
      <span className="bz-choice__body">
        <strong>
          {a.label ? `${a.label}: ${a.name}` : a.name}
          {a.isDefault && <span className="bz-tag bz-tag--accent">Default</span>}
        </strong>
        <span className="bz-small">
          {[a.line1, a.line2, a.landmark && `near ${a.landmark}`].filter(Boolean).join(", ")}, {a.city},{" "}
          {a.state} {a.pincode}
        </span>
        <span className="bz-muted bz-small">{formatPhone(a.phone)}</span>
      </span>
    </label>
  );
}
