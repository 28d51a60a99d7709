import { useFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import { Alert, Button, Card, ErrorAlert, Form, SelectField, TextAreaField, TextField } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { adjustPayload, newRequestKey } from "../finance/finance-values";

const DIRECTIONS = [
  { value: "credit", label: "Credit (pay the seller more)" },
  { value: "debit", label: "Debit (take back from the seller)" },
];
const EMPTY = { direction: "", amount: "", reason: "" };

/**
 * An admin's correction of a seller's available balance, with the reason the seller and the
 * audit log keep. The form's key makes a double submit (or a retry after a lost answer) post once.
 */
export function AdjustBalanceForm({ sellerId }: { sellerId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [requestKey, setRequestKey] = useState(newRequestKey);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const adjust = useMutation(
    trpc.admin.ledger.adjust.mutationOptions({
      onSuccess: async (_result, input) => {
        setDone(`${input.direction === "credit" ? "Credited" : "Debited"} ${formatRupees(input.amount)}.`);
        setValues(EMPTY);
        setRequestKey(newRequestKey());
        await Promise.all([
          queryClient.invalidateQueries(trpc.admin.ledger.balances.queryFilter({ sellerId })),
          queryClient.invalidateQueries(trpc.admin.ledger.list.pathFilter()),
        ]);
      },
    }),
  );
  const hasLocal = Object.keys(localErrors).length > 0;
  const error = useFormError(hasLocal ? null : adjust.error);
  const fieldError = (k: string) => localErrors[k] ?? error?.fieldErrors[k];
  const set = (k: keyof typeof EMPTY) => (v: string) => setValues((x) => ({ ...x, [k]: v }));

  const submit = () => {
    setDone(null);
    const built = adjustPayload(values);
    if (!built.ok) {
      adjust.reset();
      return setLocalErrors(built.errors);
    }
    setLocalErrors({});
    adjust.mutate({
      sellerId,
      direction: built.direction,
      amount: built.amount,
      reason: built.reason,
      requestKey,
    });
  };

  return (
    <Card title="Adjust balance">
      <Form
        aria-label="Adjust balance"
        pending={adjust.isPending}
        onSubmit={submit}
        testId="adjust-balance-form"
      >
        {done && <Alert tone="success">{done}</Alert>}
        <ErrorAlert error={error} fields={["direction", "amount", "reason"]} />
        <div className="bz-form-row">
          <SelectField
            id="adjust-direction"
            label="Direction"
            placeholder="Choose…"
            options={DIRECTIONS}
            value={values.direction}
            onValue={set("direction")}
            error={fieldError("direction")}
          />
          <TextField
            id="adjust-amount"
            label="Amount (₹)"
            inputMode="decimal"
            value={values.amount}
            onValue={set("amount")}
            error={fieldError("amount")}
          />
        </div>
        <TextAreaField
          id="adjust-reason"
          label="Reason"
          rows={2}
          value={values.reason}
          onValue={set("reason")}
          error={fieldError("reason")}
          hint="Required. The seller sees it on their ledger, and it is kept in the audit log."
        />
        <div className="bz-form-actions">
          <Button type="submit" pending={adjust.isPending} pendingLabel="Posting…">
            Post adjustment
          </Button>
        </div>
      </Form>
    </Card>
  );
}
