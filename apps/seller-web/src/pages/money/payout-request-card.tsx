import { useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import type { SellerBalancesDto } from "@bazaar/schemas";
import { Alert, Button, Card, ErrorAlert, Form, Loading, paiseToRupeesText, TextField } from "@bazaar/ui";
import { type UseQueryResult, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { parsePayoutAmount, payoutBlockReason } from "./payout-rules";

/** Ask for a payout of up to the available balance; when one may not be asked for, say why. */
export function PayoutRequestCard(props: {
  balances: UseQueryResult<SellerBalancesDto, unknown>;
  openNumber: string | null;
}) {
  const error = useFormError(props.balances.error);
  const b = props.balances.data;
  // Kept above the form: the form starts afresh when the balance moves, the notice stays.
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Card title="Request a payout" testId="payout-request">
      {notice && (
        <Alert tone="success" testId="payout-notice">
          {notice}
        </Alert>
      )}
      {props.balances.isPending ? (
        <Loading />
      ) : props.balances.error || !b ? (
        <ErrorAlert error={error} />
      ) : (
        // A new balance (after a request, a payment or a rejection) starts the form afresh.
        <PayoutRequestForm
          key={`${b.withdrawable}-${b.openPayoutId}`}
          balances={b}
          openNumber={props.openNumber}
          onNotice={setNotice}
        />
      )}
    </Card>
  );
}

function PayoutRequestForm({
  balances: b,
  openNumber,
  onNotice,
}: {
  balances: SellerBalancesDto;
  openNumber: string | null;
  onNotice: (notice: string | null) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [amount, setAmount] = useState(b.withdrawable > 0 ? paiseToRupeesText(b.withdrawable) : "");
  const [localError, setLocalError] = useState<string | null>(null);
  const request = useMutation(
    trpc.seller.payouts.request.mutationOptions({
      onMutate: () => onNotice(null),
      onSuccess: async (payout) => {
        onNotice(
          `Payout ${payout.number} of ${formatRupees(payout.amount)} requested. Bazaar approves it and sends it to your bank; you get an email at each step.`,
        );
        await Promise.all([
          queryClient.invalidateQueries(trpc.seller.ledger.pathFilter()),
          queryClient.invalidateQueries(trpc.seller.payouts.pathFilter()),
        ]);
      },
    }),
  );
  const error = useFormError(request.error);
  const blocked = payoutBlockReason(b, openNumber);
  const submit = () => {
    const parsed = parsePayoutAmount(amount, b);
    if (!parsed.ok) return setLocalError(parsed.error);
    setLocalError(null);
    request.mutate({ amount: parsed.paise });
  };
  return (
    <Form aria-label="Request a payout" pending={request.isPending} onSubmit={submit} testId="payout-form">
      <dl className="bz-facts">
        <dt>Available</dt>
        <dd data-testid="payout-available" className={b.available < 0 ? "bz-text-danger" : undefined}>
          {formatRupees(b.available)}
        </dd>
        <dt>Smallest payout</dt>
        <dd>{formatRupees(b.minPayout)}</dd>
      </dl>
      {blocked ? (
        <Alert tone="info" testId="payout-blocked">
          {blocked}
        </Alert>
      ) : (
        <>
          <ErrorAlert error={localError ? null : error} fields={["amount"]} />
          <TextField
            id="payout-amount"
            name="amount"
            label="Amount (₹)"
            inputMode="decimal"
            value={amount}
            onValue={setAmount}
            error={localError ?? error?.fieldErrors.amount}
            hint={`Between ${formatRupees(b.minPayout)} and ${formatRupees(b.withdrawable)}. One request at a time; it is sent to the bank account on your shop profile.`}
          />
        </>
      )}
      <div className="bz-form-actions">
        <Button
          type="submit"
          pending={request.isPending}
          pendingLabel="Requesting…"
          disabled={Boolean(blocked)}
          data-testid="request-payout"
        >
          Request payout
        </Button>
      </div>
    </Form>
  );
}
