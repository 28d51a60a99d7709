import { toFormError, useTRPC } from "@bazaar/client";
import { formatRupees } from "@bazaar/client/format";
import { Button, saveBlob } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";

/**
 * Every approved payout as the bank's bulk transfer file. Downloading changes nothing: each
 * payout is marked paid with its UTR once the bank has sent it. Payouts whose shop changed
 * its bank account since asking are left out, and the notice names them.
 */
export function ExportPayoutsButton({ onExported }: { onExported: (message: string) => void }) {
  const trpc = useTRPC();
  const exp = useMutation(
    trpc.admin.payouts.export.mutationOptions({
      onSuccess: (file) => {
        if (file.count > 0) saveBlob(new Blob([file.csv], { type: "text/csv;charset=utf-8" }), file.filename);
        const skipped = file.skipped.length
          ? ` Left out: ${file.skipped.map((s) => `${s.number} (${s.reason})`).join("; ")}.`
          : "";
        onExported(
          file.count > 0
            ? `${file.filename}: ${file.count} payout${file.count === 1 ? "" : "s"}, ${formatRupees(file.total)}.${skipped}`
            : `No approved payouts to export.${skipped}`,
        );
      },
    }),
  );
  return (
    <div className="bz-stack">
      <Button
        variant="secondary"
        pending={exp.isPending}
        pendingLabel="Preparing…"
        onClick={() => exp.mutate({})}
        data-testid="export-payouts"
      >
        Download bank file (CSV)
      </Button>
      {exp.error && (
        <p className="bz-text-danger bz-small" role="alert">
          {toFormError(exp.error).message}
        </p>
      )}
    </div>
  );
}
