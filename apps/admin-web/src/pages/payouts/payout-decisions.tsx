import { useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import type { PayoutDto } from "@bazaar/schemas";
import { Button, Dialog, ErrorAlert, Form, ReasonDialog, TextField } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { usePayoutRefresh } from "./use-payout-refresh";

type Acting = { payout: PayoutDto; action: "pay" | "reject" } | null;

/** The two decisions that need words: mark paid (the bank's UTR) and reject (a reason the seller reads). */
export function PayoutDecisions(props: {
  acting: Acting;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { acting } = props;
  return (
    <>
      <Dialog
        open={acting?.action === "pay"}
        title="Mark payout paid"
        onClose={props.onClose}
        testId="payout-paid-dialog"
      >
        {acting?.action === "pay" && <MarkPaidForm payout={acting.payout} {...props} />}
      </Dialog>
      {acting?.action === "reject" && <RejectDialog payout={acting.payout} {...props} />}
    </>
  );
}

function MarkPaidForm(props: { payout: PayoutDto; onClose: () => void; onDone: (message: string) => void }) {
  const { payout: p } = props;
  const trpc = useTRPC();
  const refresh = usePayoutRefresh();
  const [utr, setUtr] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const pay = useMutation(
    trpc.admin.payouts.markPaid.mutationOptions({
      onSuccess: async (updated) => {
        props.onDone(`${updated.number} marked paid with UTR ${updated.utr ?? ""}.`);
        await refresh(updated.sellerId);
      },
    }),
  );
  const error = useFormError(pay.error);
  const submit = () => {
    const value = utr.replace(/\s/g, "").toUpperCase();
    if (!/^[A-Z0-9]{12,22}$/.test(value)) return setLocalError("A UTR is 12 to 22 letters and digits");
    setLocalError(null);
    pay.mutate({ id: p.id, utr: value });
  };
  return (
    <Form aria-label={`Mark ${p.number} paid`} pending={pay.isPending} onSubmit={submit}>
      <p>
        Transfer <strong>{formatRupees(p.amount)}</strong> to {p.bank.holder} (
        <span className="bz-mono">
          {p.bank.accountMasked}, {p.bank.ifsc}
        </span>
        ) for <span className="bz-mono">{p.number}</span>, then give the bank's reference.
      </p>
      <ErrorAlert error={localError ? null : error} fields={["utr"]} />
      <TextField
        id="payout-utr"
        label="UTR (bank reference)"
        value={utr}
        onValue={setUtr}
        error={localError ?? error?.fieldErrors.utr}
        hint="NEFT 16, IMPS 12, RTGS 22 characters. The seller sees it."
        autoComplete="off"
        autoFocus
      />
      <div className="bz-form-actions">
        <Button type="submit" pending={pay.isPending} pendingLabel="Saving…">
          Mark paid
        </Button>
        <Button variant="secondary" onClick={props.onClose}>
          Not yet
        </Button>
      </div>
    </Form>
  );
}

function RejectDialog(props: { payout: PayoutDto; onClose: () => void; onDone: (message: string) => void }) {
  const { payout: p } = props;
  const trpc = useTRPC();
  const refresh = usePayoutRefresh();
  const reject = useMutation(
    trpc.admin.payouts.reject.mutationOptions({
      onSuccess: async (updated) => {
        props.onDone(
          `${updated.number} rejected; ${formatRupees(updated.amount)} is back in the seller's available balance.`,
        );
        await refresh(updated.sellerId);
      },
    }),
  );
  const error = useFormError(reject.error);
  return (
    <ReasonDialog
      open
      title={`Reject ${p.number}`}
      intro={`${formatRupees(p.amount)} returns to ${p.shopName}'s available balance. The seller reads your reason.`}
      hint="At least 5 characters, e.g. the bank account failed verification."
      field="reason"
      submitLabel="Reject payout"
      pendingLabel="Rejecting…"
      keepLabel="Keep it"
      pending={reject.isPending}
      error={error}
      onSubmit={(reason) => reject.mutate({ id: p.id, reason })}
      onClose={props.onClose}
      testId="payout-reject"
    />
  );
}
