import type { FormError } from "@bazaar/client";
import { useState } from "react";
import { Dialog } from "./dialog";
import { Button, ErrorAlert, Form, TextAreaField } from "./form";

type ReasonDialogProps = {
  open: boolean;
  title: string;
  /** What the dialog is about, above the field. */
  intro?: string;
  /** The reason field's label, "Reason". */
  label?: string;
  hint?: string;
  /** When false an empty reason may be sent (the customer's own cancellation). */
  required?: boolean;
  /** The API's name for the field, for its error: `reason` or `note`. */
  field: string;
  submitLabel: string;
  pendingLabel?: string;
  /** The secondary button that closes without doing anything, "Keep order". */
  keepLabel?: string;
  pending: boolean;
  error: FormError | null;
  onSubmit: (reason: string) => void;
  onClose: () => void;
  testId?: string;
};

/** A confirmation that asks why (cancelling an order, say); the reason's error shows beside it. */
export function ReasonDialog(props: ReasonDialogProps) {
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose} testId={props.testId}>
      <ReasonForm {...props} />
    </Dialog>
  );
}

function ReasonForm(props: ReasonDialogProps) {
  const [reason, setReason] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const id = `${props.testId ?? "reason"}-text`;
  const submit = () => {
    if (props.required !== false && reason.trim().length < 3) {
      setLocalError("Give a reason of at least 3 characters");
      return;
    }
    setLocalError(null);
    props.onSubmit(reason.trim());
  };
  return (
    <Form aria-label={props.title} pending={props.pending} onSubmit={submit}>
      {props.intro && <p>{props.intro}</p>}
      <ErrorAlert error={localError ? null : props.error} fields={[props.field]} />
      <TextAreaField
        id={id}
        label={props.label ?? (props.required === false ? "Reason (optional)" : "Reason")}
        rows={3}
        value={reason}
        onValue={setReason}
        hint={props.hint}
        error={localError ?? props.error?.fieldErrors[props.field]}
        autoFocus
      />
      <div className="bz-form-actions">
        <Button
          type="submit"
          variant="danger"
          pending={props.pending}
          pendingLabel={props.pendingLabel ?? "Cancelling…"}
        >
          {props.submitLabel}
        </Button>
        <Button variant="secondary" onClick={props.onClose}>
          {props.keepLabel ?? "Keep order"}
        </Button>
      </div>
    </Form>
  );
}
