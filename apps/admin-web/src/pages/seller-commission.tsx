import { useFormError, useTRPC } from "@bazaar/client";
import { formatPercent } from "@bazaar/client/format";
import type { SellerDto } from "@bazaar/schemas";
import { Alert, Button, bpsToPercentText, Card, ErrorAlert, Form, TextField } from "@bazaar/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useRefreshSeller } from "./use-refresh-seller";

/** The shop's commission: the platform default, or an override for this shop. */
export function SellerCommission({ seller }: { seller: SellerDto }) {
  const trpc = useTRPC();
  const refresh = useRefreshSeller(seller.id);
  const settings = useQuery(trpc.admin.settings.get.queryOptions());
  const [value, setValue] = useState(
    seller.commissionBps === null ? "" : bpsToPercentText(seller.commissionBps),
  );
  const [localError, setLocalError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const set = useMutation(
    trpc.admin.sellers.setCommission.mutationOptions({
      onSuccess: async (updated) => {
        setSaved(true);
        setValue(updated.commissionBps === null ? "" : bpsToPercentText(updated.commissionBps));
        await refresh(updated);
      },
    }),
  );
  const error = useFormError(set.error);
  const defaultBps = settings.data?.defaultCommissionBps;

  const save = (clear: boolean) => {
    setSaved(false);
    if (clear) return set.mutate({ sellerId: seller.id, commissionBps: null });
    // Percent with up to two decimals, to whole basis points without floats.
    const m = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(value.trim());
    const bps = m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : null;
    if (bps === null || bps > 10_000) return setLocalError("Enter a percentage from 0 to 100, like 8.5");
    setLocalError(null);
    set.mutate({ sellerId: seller.id, commissionBps: bps });
  };

  return (
    <Card title="Commission">
      <p className="bz-muted">
        This shop pays <strong>{formatPercent(seller.effectiveCommissionBps)}</strong> of each sale
        {seller.commissionBps === null
          ? ", the platform default."
          : ` (platform default ${defaultBps !== undefined ? formatPercent(defaultBps) : "…"}).`}
      </p>
      {saved && <Alert tone="success">Commission saved.</Alert>}
      <Form aria-label="Commission" pending={set.isPending} onSubmit={() => save(false)}>
        <ErrorAlert error={error} fields={["commissionBps"]} />
        <TextField
          id="commission"
          label="Override (%)"
          inputMode="decimal"
          placeholder={defaultBps !== undefined ? bpsToPercentText(defaultBps) : ""}
          value={value}
          onValue={setValue}
          error={localError ?? error?.fieldErrors.commissionBps}
        />
        <div className="bz-form-actions">
          <Button type="submit" pending={set.isPending} pendingLabel="Saving…">
            Save override
          </Button>
          {seller.commissionBps !== null && (
            <Button variant="secondary" onClick={() => save(true)}>
              Use platform default
            </Button>
          )}
        </div>
      </Form>
    </Card>
  );
}
