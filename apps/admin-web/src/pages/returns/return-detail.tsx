import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { AdminReturnDto } from "@bazaar/schemas";
import {
  Card,
  ErrorAlert,
  Loading,
  OrderTimeline,
  Page,
  paymentMethodLabel,
  ReturnStatusTag,
} from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ReturnDecision } from "./return-decision";
import { ReturnLines } from "./return-lines";
import { ReturnRefund } from "./return-refund";

const AllReturns = () => (
  <Link to="/returns" className="bz-button bz-button--secondary">
    All returns
  </Link>
);

/** One return in full: who, what and why, the dispute and Bazaar's decision, the refund, the steps. */
export function ReturnDetailPage() {
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const ret = useQuery(trpc.admin.returns.get.queryOptions({ id }));
  const error = useFormError(ret.error);
  if (ret.error)
    return (
      <Page title="Return" actions={<AllReturns />}>
        <ErrorAlert error={error} />
      </Page>
    );
  if (!ret.data) return <Loading />;
  return <ReturnView ret={ret.data} />;
}

function ReturnView({ ret: r }: { ret: AdminReturnDto }) {
  return (
    <Page
      title={`Return ${r.number}`}
      description={
        <>
          <ReturnStatusTag status={r.status} /> requested {formatDateTime(r.requestedAt)}
        </>
      }
      actions={<AllReturns />}
    >
      <div className="bz-grid">
        <Card title="Buyer" testId="return-buyer">
          <p>
            <strong>{r.customer.name}</strong>
            <br />
            <a href={`mailto:${r.customer.email}`}>{r.customer.email}</a>
          </p>
        </Card>
        <Card title="Order" testId="return-order">
          <dl className="bz-facts">
            <dt>Order</dt>
            <dd>
              <Link to={`/orders/${r.order.id}`} className="bz-mono">
                {r.order.number}
              </Link>{" "}
              · {paymentMethodLabel(r.order.paymentMethod)}
            </dd>
            <dt>Shop</dt>
            <dd>
              <Link to={`/sellers/${r.shop.id}`}>{r.shop.shopName}</Link> ·{" "}
              <span className="bz-mono bz-small">{r.subOrder.number}</span>
            </dd>
            <dt>Delivered</dt>
            <dd>{r.subOrder.deliveredAt ? formatDateTime(r.subOrder.deliveredAt) : "—"}</dd>
          </dl>
        </Card>
      </div>
      <div className="bz-columns">
        <div>
          <ReturnDecision ret={r} />
          <ReturnLines ret={r} />
        </div>
        <div>
          <ReturnRefund ret={r} />
          <Card title="Timeline">
            <OrderTimeline
              events={r.timeline.map((e) => ({ ...e, from: null, to: toStep(e.to) }))}
              showActor
            />
          </Card>
        </div>
      </div>
    </Page>
  );
}

/** Return steps come as `return.<status>`; the shared timeline labels them. */
const toStep = (to: string) => to as `return.${AdminReturnDto["status"]}`;
