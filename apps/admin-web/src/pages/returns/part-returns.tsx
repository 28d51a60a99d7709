import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { SubOrderReturnDto } from "@bazaar/schemas";
import { RefundStatusTag, ReturnStatusTag } from "@bazaar/ui";
import { Link } from "react-router";
import { unitCount } from "./return-values";

/** The returns asked for on one shop's part of an order, each linking to its page. */
export function PartReturns({ returns }: { returns: readonly SubOrderReturnDto[] }) {
  if (returns.length === 0) return null;
  return (
    <div className="bz-mt" data-testid="part-returns">
      <h3>Returns</h3>
      <ul className="bz-list bz-small">
        {returns.map((r) => (
          <li key={r.id}>
            <Link to={`/returns/${r.id}`} className="bz-mono">
              {r.number}
            </Link>{" "}
            <ReturnStatusTag status={r.status} /> <RefundStatusTag status={r.refundStatus} />
            <div className="bz-muted">
              {unitCount(r.itemCount)} · {formatRupees(r.refundAmount)} · asked{" "}
              {formatDateTime(r.requestedAt)}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
