import type { FormError } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import type { ReturnReceiveInput, SellerReturnDto } from "@bazaar/schemas";
import { Button, Dialog, ErrorAlert, Form, returnReasonLabel } from "@bazaar/ui";
import { useState } from "react";
import { initialRestock, type RestockChoices, receivePayload, restockSummary } from "./return-actions";

type ReceiveDialogProps = {
  open: boolean;
  ret: SellerReturnDto;
  pending: boolean;
  error: FormError | null;
  onSubmit: (input: ReturnReceiveInput) => void;
  onClose: () => void;
};

/**
 * The parcel is back: per line, put the units back on sale or not (broken ones default to
 * not). Confirming books the refund, so the dialog says how much.
 */
export function ReceiveDialog(props: ReceiveDialogProps) {
  return (
    <Dialog
      open={props.open}
      title={`Receive ${props.ret.number}`}
      onClose={props.onClose}
      testId="receive-return-dialog"
    >
      <ReceiveForm {...props} />
    </Dialog>
  );
}

function ReceiveForm({ ret: r, pending, error, onSubmit, onClose }: ReceiveDialogProps) {
  const [choices, setChoices] = useState<RestockChoices>(() => initialRestock(r.lines));
  return (
    <Form
      aria-label={`Receive ${r.number}`}
      pending={pending}
      onSubmit={() => onSubmit(receivePayload(r.id, r.lines, choices))}
    >
      <p>
        Check what came back. Confirming refunds <strong>{formatRupees(r.refundAmount)}</strong> to the
        customer.
      </p>
      <ErrorAlert error={error} />
      <fieldset className="bz-subform">
        <legend>Put back on sale?</legend>
        {r.lines.map((l) => (
          <label key={l.orderItemId} className="bz-checkbox" data-testid="restock-line">
            <input
              type="checkbox"
              checked={choices[l.orderItemId] ?? false}
              onChange={(e) => setChoices((c) => ({ ...c, [l.orderItemId]: e.target.checked }))}
            />
            <span>
              {l.qty} × {l.title}
              {l.variantLabel && ` (${l.variantLabel})`}{" "}
              <span className="bz-muted bz-small">· {returnReasonLabel(l.reason)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="bz-small bz-muted" data-testid="restock-summary">
        {restockSummary(r.lines, choices)}
      </p>
      <div className="bz-form-actions">
        <Button type="submit" pending={pending} pendingLabel="Saving…">
          Mark received
        </Button>
        <Button variant="secondary" onClick={onClose}>
          Not yet
        </Button>
      </div>
    </Form>
  );
}
