import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { AdminReturnDto } from "@bazaar/schemas";
import { Alert, Button, Card, ReasonDialog } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useReturnRefresh } from "./use-return-refresh";

type Decision = "approve" | "reject";

/**
 * The dispute as both sides put it, and, while escalated, Bazaar's final word: approve
 * (overriding the shop's rejection) or reject again, with a note both sides read.
 */
export function ReturnDecision({ ret: r }: { ret: AdminReturnDto }) {
  const trpc = useTRPC();
  const refresh = useReturnRefresh();
  const [asking, setAsking] = useState<Decision | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const decide = useMutation(
    trpc.admin.returns.decide.mutationOptions({
      onSuccess: async (updated, input) => {
        setAsking(null);
        setNotice(
          input.decision === "approve"
            ? "Return approved: the buyer sends the items back to the shop, and is refunded on receipt."
            : "Rejection upheld: the return is closed.",
        );
        await refresh(updated);
      },
    }),
  );
  const error = useFormError(decide.error);
  const canDecide = r.actions.includes("approve") || r.actions.includes("reject");
  const hasDispute = r.rejectReason || r.escalationNote || r.decisionNote;
  if (!hasDispute && !canDecide && !notice) return null;

  return (
    <Card title="The dispute" testId="return-dispute">
      {notice && (
        <Alert tone="success" testId="decision-notice">
          {notice}
        </Alert>
      )}
      <dl className="bz-facts">
        <dt>The shop rejected it</dt>
        <dd data-testid="reject-reason">
          {r.rejectReason ?? <span className="bz-muted">—</span>}
          {r.rejectedAt && <div className="bz-muted bz-small">{formatDateTime(r.rejectedAt)}</div>}
        </dd>
        <dt>The buyer escalated</dt>
        <dd data-testid="escalation-note">
          {r.escalationNote ?? <span className="bz-muted">—</span>}
          {r.escalatedAt && <div className="bz-muted bz-small">{formatDateTime(r.escalatedAt)}</div>}
        </dd>
        {r.decisionNote && (
          <>
            <dt>Bazaar decided</dt>
            <dd data-testid="decision-note">
              {r.decisionNote}
              {r.decidedAt && <div className="bz-muted bz-small">{formatDateTime(r.decidedAt)}</div>}
            </dd>
          </>
        )}
      </dl>
      {canDecide && (
        <div className="bz-form-actions bz-mt">
          {r.actions.includes("approve") && (
            <Button onClick={() => setAsking("approve")} data-testid="decide-approve">
              Approve return…
            </Button>
          )}
          {r.actions.includes("reject") && (
            <Button variant="danger" onClick={() => setAsking("reject")} data-testid="decide-reject">
              Uphold rejection…
            </Button>
          )}
        </div>
      )}
      <ReasonDialog
        open={asking !== null}
        title={asking === "approve" ? `Approve ${r.number}?` : `Uphold the rejection of ${r.number}?`}
        intro={
          asking === "approve"
            ? `This overrides ${r.shop.shopName}'s rejection. The buyer sends the items back and is refunded once the shop receives them.`
            : "The return stays rejected and is closed: the buyer cannot escalate again."
        }
        label="Note to the buyer and the shop"
        field="note"
        hint="Both sides read this. It is kept in the audit log."
        submitLabel={asking === "approve" ? "Approve return" : "Uphold rejection"}
        pendingLabel="Saving…"
        keepLabel="Not now"
        pending={decide.isPending}
        error={error}
        onSubmit={(note) => asking && decide.mutate({ id: r.id, decision: asking, note })}
        onClose={() => {
          setAsking(null);
          decide.reset();
        }}
        testId="decide-dialog"
      />
    </Card>
  );
}
