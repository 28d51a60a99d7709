import { useFormError, useTRPC } from "@bazaar/client";
import { Button, Dialog, ErrorAlert, Form, SelectField, TextField } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

export type StockTarget = { variantId: string; sku: string; label: string; stock: number };

const REASONS = ["Restocked", "Stock count correction", "Damaged or lost", "Returned to stock", "Other"];

/** Add or remove stock for one variant; every change is logged with its reason. */
export function StockDialog(props: { target: StockTarget | null; productId: string; onClose: () => void }) {
  return (
    <Dialog
      open={props.target !== null}
      title={props.target ? `Adjust stock · ${props.target.label}` : "Adjust stock"}
      onClose={props.onClose}
      testId="stock-dialog"
    >
      {props.target && <StockForm target={props.target} productId={props.productId} onDone={props.onClose} />}
    </Dialog>
  );
}

function StockForm({
  target,
  productId,
  onDone,
}: {
  target: StockTarget;
  productId: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [direction, setDirection] = useState<"add" | "remove">("add");
  const [amount, setAmount] = useState("");
  const [preset, setPreset] = useState(REASONS[0]!);
  const [note, setNote] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const adjust = useMutation(
    trpc.seller.products.adjustStock.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.seller.products.byId.queryFilter({ id: productId })),
          queryClient.invalidateQueries(trpc.seller.products.inventoryLog.pathFilter()),
          queryClient.invalidateQueries(trpc.seller.products.list.pathFilter()),
        ]);
        onDone();
      },
    }),
  );
  const error = useFormError(adjust.error);
  const n = /^\d+$/.test(amount.trim()) ? Number(amount.trim()) : null;
  const delta = n === null ? null : direction === "add" ? n : -n;
  const after = delta === null ? null : target.stock + delta;
  const reason = preset === "Other" ? note.trim() : note.trim() ? `${preset}: ${note.trim()}` : preset;

  const submit = () => {
    if (delta === null || delta === 0)
      return setLocalError("Enter how many units, a whole number above zero");
    if (after !== null && after < 0)
      return setLocalError(`Only ${target.stock} in stock: you cannot remove more`);
    setLocalError(null);
    adjust.mutate({ variantId: target.variantId, delta, reason });
  };

  return (
    <Form aria-label="Adjust stock" pending={adjust.isPending} onSubmit={submit}>
      <p className="bz-muted">
        SKU <span className="bz-mono">{target.sku}</span> has <strong>{target.stock}</strong> in stock.
      </p>
      <ErrorAlert error={error} fields={["delta", "reason"]} />
      <div className="bz-form-row">
        <SelectField
          id="stock-direction"
          label="Change"
          options={[
            { value: "add", label: "Add units" },
            { value: "remove", label: "Remove units" },
          ]}
          value={direction}
          onValue={(v) => setDirection(v as "add" | "remove")}
        />
        <TextField
          id="stock-amount"
          label="Units"
          inputMode="numeric"
          value={amount}
          onValue={setAmount}
          error={localError ?? error?.fieldErrors.delta}
          hint={after !== null && after >= 0 ? `Stock after: ${after}` : undefined}
          autoFocus
        />
      </div>
      <SelectField id="stock-reason" label="Reason" options={REASONS} value={preset} onValue={setPreset} />
      <TextField
        id="stock-note"
        label={preset === "Other" ? "Say why" : "Note (optional)"}
        value={note}
        onValue={setNote}
        error={error?.fieldErrors.reason}
      />
      <div className="bz-form-actions">
        <Button type="submit" pending={adjust.isPending} pendingLabel="Saving…">
          Save stock change
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </Form>
  );
}
