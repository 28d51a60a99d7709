import type { ReturnRefundStatus, ReturnStatus } from "@bazaar/schemas";
import { refundStatusLabel, refundStatusTone, returnStatusLabel, returnStatusTone } from "./return-labels";

export function ReturnStatusTag({ status }: { status: ReturnStatus }) {
  return (
    <span className={`bz-tag bz-tag--plain ${returnStatusTone(status)}`} data-testid="return-status">
      {returnStatusLabel(status)}
    </span>
  );
}

export function RefundStatusTag({ status }: { status: ReturnRefundStatus }) {
  return (
    <span className={`bz-tag bz-tag--plain ${refundStatusTone(status)}`} data-testid="refund-status">
      {refundStatusLabel(status)}
    </span>
  );
}
