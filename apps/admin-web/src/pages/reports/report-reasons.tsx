import type { ReportReasonCount } from "@bazaar/schemas";
import { reportReasonLabel } from "./report-values";

/** "Spam × 4 · Offensive × 1": how many reporters gave each reason, largest first. */
export function ReportReasons({ reasons }: { reasons: readonly ReportReasonCount[] }) {
  return (
    <span className="bz-tags" data-testid="report-reasons">
      {reasons.map((r) => (
        <span key={r.reason} className="bz-tag bz-tag--warning">
          {reportReasonLabel(r.reason)} × {r.count}
        </span>
      ))}
    </span>
  );
}
