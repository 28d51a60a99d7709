import { useFormError, useOrderUpdates, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { ReturnDto } from "@bazaar/schemas";
import {
  Alert,
  Card,
  ErrorAlert,
  Loading,
  Page,
  PhotoLinks,
  paymentMethodLabel,
  ReturnStatusTag,
} from "@bazaar/ui";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link, useLocation, useParams } from "react-router";
import { ReturnActions } from "../returns/return-actions";
import { RefundCard, ReturnLines, ReturnStepsBar, ReturnTimeline } from "../returns/return-parts";
import { NotFoundPage } from "./not-found";

/** `/returns/:id`: where a return stands, its items and refund, what the buyer can do, its timeline. */
export function ReturnPage() {
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ret = useQuery(trpc.returns.get.queryOptions({ id }));
  useOrderUpdates({
    onUpdate: (event) => {
      if (event && event.return?.id !== id) return;
      void queryClient.invalidateQueries(trpc.returns.get.queryFilter({ id }));
    },
  });
  const error = useFormError(ret.error);
  if (error?.code === "NOT_FOUND" || error?.code === "BAD_REQUEST") return <NotFoundPage />;
  if (ret.error)
    return (
      <Page title="Your return" actions={<AllReturnsLink />}>
        <ErrorAlert error={error} />
      </Page>
    );
  if (!ret.data) return <Loading />;
  return <ReturnView ret={ret.data} />;
}

const AllReturnsLink = () => (
  <Link to="/returns" className="bz-button bz-button--secondary">
    All returns
  </Link>
);

function ReturnView({ ret: r }: { ret: ReturnDto }) {
  const requested = (useLocation().state as { requested?: boolean } | null)?.requested === true;
  return (
    <Page
      title={`Return ${r.number}`}
      description={
        <>
          <ReturnStatusTag status={r.status} /> Asked {formatDateTime(r.requestedAt)} · {r.shop.shopName} ·
          order{" "}
          <Link to={`/orders/${r.order.id}`} className="bz-mono">
            {r.order.number}
          </Link>{" "}
          · {paymentMethodLabel(r.order.paymentMethod)}
        </>
      }
      actions={<AllReturnsLink />}
    >
      {requested && r.status === "requested" && (
        <Alert tone="success" title="Return requested" testId="return-requested">
          {r.shop.shopName} will review it. We will email you at every step.
        </Alert>
      )}
      <ReturnStepsBar ret={r} />
      <Decisions ret={r} />
      <div className="bz-cart bz-mt">
        <div className="bz-stack">
          <ReturnLines ret={r} />
          {(r.comment || r.photos.length > 0) && (
            <Card title="What you told the shop">
              {r.comment && <p className="bz-prewrap">{r.comment}</p>}
              {r.photos.length > 0 && (
                <PhotoLinks
                  photos={r.photos}
                  alt={(i, n) => `Attached ${i + 1} of ${n}`}
                  className="bz-review__photos"
                  label="Your photos"
                />
              )}
            </Card>
          )}
          <ReturnTimeline ret={r} />
        </div>
        <aside className="bz-cart__aside">
          <RefundCard ret={r} />
          <ReturnActions ret={r} />
        </aside>
      </div>
    </Page>
  );
}

/** The shop's rejection, the buyer's escalation and Bazaar's decision, as each was written. */
function Decisions({ ret: r }: { ret: ReturnDto }) {
  if (!r.rejectReason && !r.escalationNote && !r.decisionNote) return null;
  return (
    <div className="bz-stack bz-mt" data-testid="return-decisions">
      {r.rejectReason && (
        <Alert
          tone={r.status === "rejected" ? "error" : "info"}
          title={`${r.shop.shopName} rejected the return`}
        >
          {r.rejectReason}
        </Alert>
      )}
      {r.escalationNote && (
        <Alert tone="info" title="You asked Bazaar to review it">
          {r.escalationNote}
        </Alert>
      )}
      {r.decisionNote && (
        <Alert tone={r.status === "rejected" ? "error" : "success"} title="Bazaar's decision">
          {r.decisionNote}
        </Alert>
      )}
    </div>
  );
}
