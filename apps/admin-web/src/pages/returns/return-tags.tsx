import type { ReturnRefundStatus, ReturnStatus } from "@bazaar/schemas";
import { refundStatusLabel, refundStatusTone, returnStatusLabel, returnStatusTone } from "./return-values";

export function ReturnStatusTag({ status }: { status: ReturnStatus }) {
  return (
    <span className={`bz-tag ${returnStatusTone(status)}`} data-testid="return-status">
      {returnStatusLabel(status)}
    </span>
  );
}

export function RefundStatusTag({ status }: { status: ReturnRefundStatus }) {
  return (
    <span className={`bz-tag ${refundStatusTone(status)}`} data-testid="refund-status">
      {refundStatusLabel(status)}
    </span>
  );
}
