import { useFormError, useTRPC } from "@bazaar/client";
import type { ReturnDto } from "@bazaar/schemas";
import { Alert, Button, Dialog, ErrorAlert, ReasonDialog } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { escalationText } from "./return-labels";

function useReturnRefresh(ret: ReturnDto) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (updated: ReturnDto) => {
    queryClient.setQueryData(trpc.returns.get.queryKey({ id: ret.id }), updated);
    void queryClient.invalidateQueries(trpc.returns.list.pathFilter());
    void queryClient.invalidateQueries(trpc.orders.byId.queryFilter({ orderId: ret.order.id }));
  };
}

/** "now", ticking each minute, so a countdown moves while the page is open. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** What the buyer can still do: cancel before the shop decides, escalate a rejection within 48 h. */
export function ReturnActions({ ret }: { ret: ReturnDto }) {
  const trpc = useTRPC();
  const refresh = useReturnRefresh(ret);
  const now = useMinuteClock();
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [escalating, setEscalating] = useState(false);
  const cancel = useMutation(
    trpc.returns.cancel.mutationOptions({
      onSuccess: (r) => {
        refresh(r);
        setConfirmCancel(false);
      },
    }),
  );
  const escalate = useMutation(
    trpc.returns.escalate.mutationOptions({
      onSuccess: (r) => {
        refresh(r);
        setEscalating(false);
      },
    }),
  );
  const cancelError = useFormError(cancel.error);
  const escalateError = useFormError(escalate.error);
  const canCancel = ret.actions.includes("cancel");
  const countdown = escalationText(ret.escalateUntil, now);
  const canEscalate = ret.actions.includes("escalate") && countdown !== null;
  if (!canCancel && !canEscalate) return null;

  return (
    <div className="bz-stack" data-testid="return-actions">
      {canEscalate && (
        <Alert tone="warning" title="Disagree with the shop?">
          <p data-testid="escalate-countdown">{countdown}</p>
          <Button variant="secondary" onClick={() => setEscalating(true)} data-testid="escalate-return">
            Ask Bazaar to review
          </Button>
        </Alert>
      )}
      {canCancel && (
        <div className="bz-form-actions">
          <Button variant="danger" onClick={() => setConfirmCancel(true)} data-testid="cancel-return">
            Cancel return
          </Button>
          <span className="bz-small bz-muted">You can cancel until the shop approves it.</span>
        </div>
      )}
      <Dialog
        open={confirmCancel}
        title="Cancel this return?"
        onClose={() => setConfirmCancel(false)}
        testId="cancel-return-dialog"
      >
        <p>You keep the items and no refund is made. You can ask again while the return window is open.</p>
        <ErrorAlert error={cancelError} />
        <div className="bz-form-actions">
          <Button
            variant="danger"
            pending={cancel.isPending}
            pendingLabel="Cancelling…"
            onClick={() => cancel.mutate({ id: ret.id })}
            data-testid="confirm-cancel-return"
          >
            Cancel return
          </Button>
          <Button variant="secondary" onClick={() => setConfirmCancel(false)}>
            Keep it
          </Button>
        </div>
      </Dialog>
      <ReasonDialog
        open={escalating}
        title="Ask Bazaar to review the rejection"
        intro={`${ret.shop.shopName} rejected this return${ret.rejectReason ? `: “${ret.rejectReason}”` : ""}. Tell Bazaar why you think it should be accepted; Bazaar's decision is final.`}
        label="Why the rejection is wrong"
        field="note"
        submitLabel="Send to Bazaar"
        pendingLabel="Sending…"
        keepLabel="Not now"
        pending={escalate.isPending}
        error={escalateError}
        onSubmit={(note) => escalate.mutate({ id: ret.id, note })}
        onClose={() => setEscalating(false)}
        testId="escalate-dialog"
      />
    </div>
  );
}
