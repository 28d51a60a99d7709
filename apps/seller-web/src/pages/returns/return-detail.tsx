import { useFormError, useTRPC } from "@bazaar/client";
import { formatDate, formatDateTime } from "@bazaar/client/format";
import type { ReturnTimelineStep, SellerReturnDto } from "@bazaar/schemas";
import {
  Button,
  ErrorAlert,
  Loading,
  OrderTimeline,
  paymentMethodLabel,
  ReasonDialog,
  RefundStatusTag,
  ReturnStatusTag,
} from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { ReceiveDialog } from "./receive-dialog";
import { sellerReturnButtons } from "./return-actions";
import { ReturnAmounts, ReturnEvidence, ReturnLines, ReturnNotes } from "./return-parts";
import { useReturnStep } from "./use-return-step";

/** One return, read fresh: what comes back and why, the money, the steps, and the buttons. */
export function ReturnDetail({ id, onNotice }: { id: string; onNotice: (m: string | null) => void }) {
  const trpc = useTRPC();
  const ret = useQuery(trpc.seller.returns.get.queryOptions({ id }));
  const error = useFormError(ret.error);
  if (ret.error) return <ErrorAlert error={error} />;
  if (!ret.data) return <Loading label="Loading the return…" />;
  return <ReturnCard ret={ret.data} onNotice={onNotice} />;
}

function ReturnCard({ ret: r, onNotice }: { ret: SellerReturnDto; onNotice: (m: string | null) => void }) {
  const step = useReturnStep(r, onNotice);
  const buttons = sellerReturnButtons(r.actions);
  return (
    <article className="bz-card" aria-label={`Return ${r.number}`} data-testid="return-detail">
      <div className="bz-part__head">
        <div>
          <h2 className="bz-card__title bz-mono">{r.number}</h2>
          <span className="bz-muted bz-small">
            {r.customer.name} · requested {formatDateTime(r.requestedAt)} · order{" "}
            <span className="bz-mono">{r.subOrder.number}</span>
            {r.subOrder.deliveredAt && `, delivered ${formatDate(r.subOrder.deliveredAt)}`} ·{" "}
            {paymentMethodLabel(r.order.paymentMethod)}
          </span>
        </div>
        <div className="bz-tags">
          <ReturnStatusTag status={r.status} />
          {r.refundStatus !== "none" && <RefundStatusTag status={r.refundStatus} />}
        </div>
      </div>
      <ReturnNotes ret={r} />
      <div className="bz-part__columns">
        <div>
          <ReturnLines lines={r.lines} />
          <ReturnAmounts ret={r} />
          <ReturnEvidence ret={r} />
        </div>
        <div>
          <h3>Progress</h3>
          <OrderTimeline
            events={r.timeline.map((e) => ({ ...e, from: null, to: e.to as ReturnTimelineStep }))}
            showActor
          />
        </div>
      </div>
      {step.error && !step.asking && <ErrorAlert error={step.error} />}
      {buttons.length > 0 && (
        <div className="bz-form-actions bz-mt" data-testid="return-actions">
          {buttons.map((b) => (
            <Button
              key={b.action}
              variant={b.variant}
              className="bz-button--small"
              onClick={() => step.act(b.action)}
              pending={b.action === "approve" && step.approving}
              pendingLabel="Saving…"
              disabled={step.pending}
              data-testid={`return-${b.action}`}
            >
              {b.label}
            </Button>
          ))}
        </div>
      )}
      <ReasonDialog
        open={step.asking === "reject"}
        title={`Reject ${r.number}?`}
        intro="The customer is told why, and may ask Bazaar to review your decision within 48 hours."
        field="reason"
        hint="The customer sees this."
        submitLabel="Reject return"
        pendingLabel="Rejecting…"
        keepLabel="Not now"
        pending={step.rejecting}
        error={step.error}
        onSubmit={step.reject}
        onClose={step.close}
        testId="reject-return-dialog"
      />
      <ReceiveDialog
        open={step.asking === "receive"}
        ret={r}
        pending={step.receiving}
        error={step.error}
        onSubmit={step.receive}
        onClose={step.close}
      />
    </article>
  );
}
