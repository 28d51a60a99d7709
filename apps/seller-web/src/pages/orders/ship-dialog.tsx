import type { FormError } from "@bazaar/client";
import { Button, Dialog, ErrorAlert, Form, TextField } from "@bazaar/ui";
import { useState } from "react";

type Shipment = { carrier: string; trackingNumber: string };

type ShipDialogProps = {
  open: boolean;
  /** The sub-order's number, for the title. */
  number: string;
  pending: boolean;
  /** The failed `advance` call: its field errors go beside the carrier and tracking number. */
  error: FormError | null;
  onSubmit: (shipment: Shipment) => void;
  onClose: () => void;
};

/** Marks a packed order shipped: the customer gets the carrier and tracking number by email. */
export function ShipDialog(props: ShipDialogProps) {
  return (
    <Dialog open={props.open} title={`Ship ${props.number}`} onClose={props.onClose} testId="ship-dialog">
      <ShipForm {...props} />
    </Dialog>
  );
}

function ShipForm(props: ShipDialogProps) {
  const [values, setValues] = useState<Shipment>({ carrier: "", trackingNumber: "" });
  const set = (key: keyof Shipment) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <Form
      aria-label={`Ship ${props.number}`}
      pending={props.pending}
      onSubmit={() =>
        props.onSubmit({ carrier: values.carrier.trim(), trackingNumber: values.trackingNumber.trim() })
      }
    >
      <p className="bz-muted">The customer is emailed these, and can follow the parcel with them.</p>
      <ErrorAlert error={props.error} fields={["carrier", "trackingNumber"]} />
      <TextField
        id="ship-carrier"
        label="Carrier"
        placeholder="Delhivery, Blue Dart, India Post…"
        value={values.carrier}
        onValue={set("carrier")}
        error={props.error?.fieldErrors.carrier}
        autoFocus
      />
      <TextField
        id="ship-tracking-number"
        label="Tracking number"
        autoComplete="off"
        value={values.trackingNumber}
        onValue={set("trackingNumber")}
        error={props.error?.fieldErrors.trackingNumber}
      />
      <div className="bz-form-actions">
        <Button type="submit" pending={props.pending} pendingLabel="Saving…">
          Mark as shipped
        </Button>
        <Button variant="secondary" onClick={props.onClose}>
          Not yet
        </Button>
      </div>
    </Form>
  );
}
