import { useFormError, useTRPC } from "@bazaar/client";
import type { ReportCaseDto } from "@bazaar/schemas";
import { Alert, Button, Card, ReasonDialog } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type CaseChoice, canRestore, caseChoices } from "./report-values";

const DONE: Record<CaseChoice["action"] | "restore", string> = {
  dismiss: "Case dismissed. Nothing was changed.",
  hide: "Hidden: it no longer shows on the product page.",
  unlist: "Product unlisted. The seller sees your reason and can appeal by resubmitting it.",
  suspend_shop: "Shop suspended. Reinstate it from Sellers if this was wrong.",
  restore: "Restored: it shows on the product page again.",
};

/**
 * The decisions on a case, each behind a confirmation that asks why (optional only for
 * dismissing). A case is decided once; a hidden review, question or answer can be restored.
 */
export function ReportActions({ c }: { c: ReportCaseDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<CaseChoice | "restore" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const done = async (updated: ReportCaseDto, what: CaseChoice["action"] | "restore") => {
    setAsking(null);
    setNotice(DONE[what]);
    queryClient.setQueryData(trpc.admin.reports.get.queryKey({ id: updated.id }), updated);
    await Promise.all([
      queryClient.invalidateQueries(trpc.admin.reports.list.pathFilter()),
      queryClient.invalidateQueries(trpc.admin.sellers.pathFilter()),
      queryClient.invalidateQueries(trpc.catalog.pathFilter()),
    ]);
  };
  const resolve = useMutation(
    trpc.admin.reports.resolve.mutationOptions({ onSuccess: (u, input) => done(u, input.action) }),
  );
  const restore = useMutation(
    trpc.admin.reports.restore.mutationOptions({ onSuccess: (u) => done(u, "restore") }),
  );
  const error = useFormError(asking === "restore" ? restore.error : resolve.error);
  const choices = caseChoices(c);
  const close = () => {
    setAsking(null);
    resolve.reset();
    restore.reset();
  };
  if (choices.length === 0 && !canRestore(c) && !notice) return null;

  const dialog =
    asking === "restore"
      ? {
          title: "Restore this content?",
          intro: "It shows on the product page again. The case stays decided, with your note.",
          label: "Why restore it?",
          hint: "Kept in the audit log.",
          required: true,
          submitLabel: "Restore",
        }
      : asking
        ? {
            title: asking.title,
            intro: asking.intro,
            label: asking.needsReason ? "Reason" : "Note (optional)",
            hint:
              asking.action === "unlist" || asking.action === "suspend_shop"
                ? "The seller reads this. It is kept in the audit log."
                : "Kept in the audit log.",
            required: asking.needsReason,
            submitLabel: asking.label,
          }
        : null;

  return (
    <Card title="Decision" testId="report-actions">
      {notice && (
        <Alert tone="success" testId="report-notice">
          {notice}
        </Alert>
      )}
      <div className="bz-form-actions">
        {choices.map((choice) => (
          <Button
            key={choice.action}
            variant={choice.danger ? "danger" : "secondary"}
            onClick={() => setAsking(choice)}
            data-testid={`report-${choice.action}`}
          >
            {choice.label}…
          </Button>
        ))}
        {canRestore(c) && (
          <Button variant="secondary" onClick={() => setAsking("restore")} data-testid="report-restore">
            Restore…
          </Button>
        )}
      </div>
      <ReasonDialog
        open={dialog !== null}
        title={dialog?.title ?? ""}
        intro={dialog?.intro}
        label={dialog?.label}
        hint={dialog?.hint}
        required={dialog?.required}
        field="note"
        submitLabel={dialog?.submitLabel ?? ""}
        pendingLabel="Saving…"
        keepLabel="Not now"
        pending={resolve.isPending || restore.isPending}
        error={error}
        onSubmit={(note) => {
          if (asking === "restore") restore.mutate({ id: c.id, note });
          else if (asking) resolve.mutate({ id: c.id, action: asking.action, ...(note && { note }) });
        }}
        onClose={close}
        testId="report-dialog"
      />
    </Card>
  );
}
