import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { AdminReturnDto } from "@bazaar/schemas";
import { Alert, Button, Card, RefundStatusTag, SumRow } from "@bazaar/ui";
import { useState } from "react";
import { MarkPaidDialog } from "./mark-paid-dialog";
import { RefundAccountFacts } from "./refund-account-facts";
import { refundMethodLabel } from "./return-values";

/** The money: what the buyer gets back and how, and for cash on delivery, "Mark paid". */
export function ReturnRefund({ ret: r }: { ret: AdminReturnDto }) {
  const [paying, setPaying] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Card title="Refund" testId="return-refund">
      {notice && (
        <Alert tone="success" testId="refund-notice">
          {notice}
        </Alert>
      )}
      <dl className="bz-sums">
        <SumRow label="Items" value={formatRupees(r.itemsAmount)} />
        {r.shippingAmount > 0 && <SumRow label="Shipping" value={formatRupees(r.shippingAmount)} />}
        <SumRow label="Refund" value={formatRupees(r.refundAmount)} total testId="refund-amount" />
      </dl>
      <p>
        <RefundStatusTag status={r.refundStatus} /> {refundMethodLabel(r.refundMethod)}
      </p>
      {r.refundMethod === "manual" && <RefundAccountFacts ret={r} />}
      {r.refundReference && (
        <p className="bz-small">
          Reference <span className="bz-mono">{r.refundReference}</span>
          {r.refundedAt && ` · paid ${formatDateTime(r.refundedAt)}`}
        </p>
      )}
      {r.actions.includes("refund") && (
        <div className="bz-form-actions bz-mt">
          <Button onClick={() => setPaying(true)} data-testid="mark-paid">
            Mark paid…
          </Button>
        </div>
      )}
      <MarkPaidDialog
        returnId={paying ? r.id : null}
        onClose={() => setPaying(false)}
        onPaid={(message) => {
          setPaying(false);
          setNotice(message);
        }}
      />
    </Card>
  );
}
