import type { AdminReturnDto } from "@bazaar/schemas";
import { refundAccountLines } from "./return-values";

/**
 * Where a cash-on-delivery refund goes: the full account while the refund is owed (the
 * API decrypts it for admins only then), else the masked label.
 */
export function RefundAccountFacts({
  ret: r,
}: {
  ret: Pick<AdminReturnDto, "refundAccount" | "refundAccountLabel">;
}) {
  if (r.refundAccount)
    return (
      <dl className="bz-facts" data-testid="refund-account">
        {refundAccountLines(r.refundAccount).map((line) => (
          <div key={line.label} className="bz-facts__pair">
            <dt>{line.label}</dt>
            <dd className="bz-mono">{line.value}</dd>
          </div>
        ))}
      </dl>
    );
  return (
    <dl className="bz-facts" data-testid="refund-account">
      <dt>Pay to</dt>
      <dd className="bz-mono">{r.refundAccountLabel ?? "—"}</dd>
    </dl>
  );
}
