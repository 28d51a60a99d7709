import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime, formatRupees } from "@bazaar/client/format";
import type { PayoutDto } from "@bazaar/schemas";
import { Button } from "@bazaar/ui";
import { useMutation } from "@tanstack/react-query";
import { Link } from "react-router";
import { historyHref } from "../audit/audit-values";
import { payoutStatusTone } from "../finance/finance-values";
import { usePayoutRefresh } from "./use-payout-refresh";

/** The dates a payout went through, latest step last. */
function steps(p: PayoutDto): string[] {
  const s = [`asked ${formatDateTime(p.requestedAt)}`];
  if (p.approvedAt) s.push(`approved ${formatDateTime(p.approvedAt)}`);
  if (p.paidAt) s.push(`paid ${formatDateTime(p.paidAt)}`);
  if (p.rejectedAt) s.push(`rejected ${formatDateTime(p.rejectedAt)}`);
  return s;
}

export function PayoutRow(props: {
  payout: PayoutDto;
  onNotice: (message: string) => void;
  onPay: () => void;
  onReject: () => void;
}) {
  const { payout: p } = props;
  const trpc = useTRPC();
  const refresh = usePayoutRefresh();
  const approve = useMutation(
    trpc.admin.payouts.approve.mutationOptions({
      onSuccess: async (updated) => {
        props.onNotice(`${updated.number} approved: ${formatRupees(updated.amount)} to ${updated.shopName}.`);
        await refresh(updated.sellerId);
      },
    }),
  );
  const error = useFormError(approve.error);
  const open = p.status === "requested" || p.status === "approved";
  return (
    <tr data-testid="payout-row">
      <td>
        <strong className="bz-mono">{p.number}</strong>{" "}
        <Link className="bz-small" to={historyHref("payout", p.id)} aria-label={`History of ${p.number}`}>
          History
        </Link>
        {steps(p).map((s) => (
          <div key={s} className="bz-muted bz-small bz-nowrap">
            {s}
          </div>
        ))}
      </td>
      <td>
        <Link to={`/sellers/${p.sellerId}`}>{p.shopName}</Link>
      </td>
      <td className="bz-small">
        {p.bank.holder}
        <div className="bz-mono">
          {p.bank.accountMasked} · {p.bank.ifsc}
        </div>
      </td>
      <td className="bz-align-right bz-nowrap">{formatRupees(p.amount)}</td>
      <td>
        <span className={`bz-tag ${payoutStatusTone[p.status]}`}>{p.status}</span>
        {p.utr && <div className="bz-small bz-mono">UTR {p.utr}</div>}
        {p.rejectReason && <div className="bz-small bz-prewrap">{p.rejectReason}</div>}
      </td>
      <td className="bz-align-right">
        {open && (
          <div className="bz-row">
            {p.status === "requested" && (
              <Button
                className="bz-button--small"
                pending={approve.isPending}
                pendingLabel="Approving…"
                onClick={() => approve.mutate({ id: p.id })}
                aria-label={`Approve ${p.number}`}
              >
                Approve
              </Button>
            )}
            {p.status === "approved" && (
              <Button className="bz-button--small" onClick={props.onPay} aria-label={`Mark ${p.number} paid`}>
                Mark paid…
              </Button>
            )}
            <Button
              variant="danger"
              className="bz-button--small"
              onClick={props.onReject}
              aria-label={`Reject ${p.number}`}
            >
              Reject…
            </Button>
          </div>
        )}
        {error && (
          <p className="bz-text-danger bz-small" role="alert">
            {error.message}
          </p>
        )}
      </td>
    </tr>
  );
}
