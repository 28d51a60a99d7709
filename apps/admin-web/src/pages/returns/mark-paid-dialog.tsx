import { useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import { Alert, Button, Dialog, ErrorAlert, Form, Loading, TextField } from "@bazaar/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { RefundAccountFacts } from "./refund-account-facts";
import { useReturnRefresh } from "./use-return-refresh";

/**
 * Paying a cash-on-delivery refund by hand: the admin sends the money (UPI or bank transfer)
 * to the account shown, then records the transfer's reference here. The return is read in
 * full for the account, which the list only shows masked.
 */
export function MarkPaidDialog(props: {
  returnId: string | null;
  onClose: () => void;
  onPaid: (message: string) => void;
}) {
  return (
    <Dialog
      open={props.returnId !== null}
      title="Mark refund paid"
      onClose={props.onClose}
      testId="mark-paid-dialog"
    >
      {props.returnId && <MarkPaidForm {...props} returnId={props.returnId} />}
    </Dialog>
  );
}

function MarkPaidForm(props: { returnId: string; onClose: () => void; onPaid: (message: string) => void }) {
  const trpc = useTRPC();
  const refresh = useReturnRefresh();
  const ret = useQuery(trpc.admin.returns.get.queryOptions({ id: props.returnId }));
  const [reference, setReference] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const pay = useMutation(
    trpc.admin.returns.markRefundPaid.mutationOptions({
      onSuccess: async (updated) => {
        props.onPaid(`Refund of ${formatRupees(updated.refundAmount)} for ${updated.number} marked paid.`);
        await refresh(updated);
      },
    }),
  );
  const loadError = useFormError(ret.error);
  const error = useFormError(pay.error);
  if (ret.error) return <ErrorAlert error={loadError} />;
  if (!ret.data) return <Loading />;
  const r = ret.data;
  const owed = r.actions.includes("refund");

  const submit = () => {
    if (reference.trim().length < 3) return setLocalError("Give the payment reference");
    setLocalError(null);
    pay.mutate({ id: r.id, reference: reference.trim() });
  };

  return (
    <Form aria-label={`Mark the refund of ${r.number} paid`} pending={pay.isPending} onSubmit={submit}>
      <p>
        Pay <strong data-testid="owed-amount">{formatRupees(r.refundAmount)}</strong> to {r.customer.name} for
        return <span className="bz-mono">{r.number}</span>, then give the transfer's reference.
      </p>
      {!owed && <Alert tone="info">Nothing is owed on this return any more.</Alert>}
      <RefundAccountFacts ret={r} />
      <ErrorAlert error={localError ? null : error} fields={["reference"]} />
      <TextField
        id="refund-reference"
        label="UPI or bank transfer reference"
        value={reference}
        onValue={setReference}
        error={localError ?? error?.fieldErrors.reference}
        hint="The buyer sees this reference."
        autoComplete="off"
        autoFocus
      />
      <div className="bz-form-actions">
        <Button type="submit" pending={pay.isPending} pendingLabel="Saving…" disabled={!owed}>
          Mark paid
        </Button>
        <Button variant="secondary" onClick={props.onClose}>
          Not yet
        </Button>
      </div>
    </Form>
  );
}
