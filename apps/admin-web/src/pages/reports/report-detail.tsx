import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { ReportCaseDto } from "@bazaar/schemas";
import { Card, ErrorAlert, Loading, Page } from "@bazaar/ui";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ReportActions } from "./report-actions";
import { ReportReasons } from "./report-reasons";
import { ReportTarget } from "./report-target";
import {
  caseStatusTone,
  outcomeLabel,
  reportCount,
  reportReasonLabel,
  targetTypeLabel,
} from "./report-values";

const Queue = () => (
  <Link to="/reports" className="bz-button bz-button--secondary">
    Reports queue
  </Link>
);

/** One case: the reported thing, every report of it, and the decision. */
export function ReportDetailPage() {
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const c = useQuery(trpc.admin.reports.get.queryOptions({ id }));
  const error = useFormError(c.error);
  if (c.error)
    return (
      <Page title="Report" actions={<Queue />}>
        <ErrorAlert error={error} />
      </Page>
    );
  if (!c.data) return <Loading />;
  return <CaseView c={c.data} />;
}

function CaseView({ c }: { c: ReportCaseDto }) {
  return (
    <Page
      title={`Reported ${targetTypeLabel(c.targetType).toLowerCase()}`}
      description={
        <>
          <span className={`bz-tag ${caseStatusTone(c.status)}`} data-testid="case-status">
            {c.status}
          </span>{" "}
          {reportCount(c.reportCount)}, first {formatDateTime(c.createdAt)}, last{" "}
          {formatDateTime(c.lastReportedAt)}
        </>
      }
      actions={<Queue />}
    >
      <div className="bz-columns">
        <div>
          <Card title="What was reported">
            <ReportTarget target={c.target} />
          </Card>
          <Card title={`Reports (${c.reports.length})`} testId="case-reports">
            <p>
              <ReportReasons reasons={c.reasons} />
            </p>
            {c.reports.length === 0 ? (
              <p className="bz-empty">No reports.</p>
            ) : (
              <div className="bz-table-wrap">
                <table className="bz-table">
                  <thead>
                    <tr>
                      <th>Reason</th>
                      <th>Note</th>
                      <th>Reporter</th>
                      <th>When</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.reports.map((r) => (
                      <tr key={r.id} data-testid="case-report">
                        <td>{reportReasonLabel(r.reason)}</td>
                        <td className="bz-prewrap">{r.note ?? <span className="bz-muted">—</span>}</td>
                        <td>
                          {r.reporter.name}
                          <div className="bz-muted bz-small">{r.reporter.email}</div>
                        </td>
                        <td className="bz-nowrap">{formatDateTime(r.createdAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </div>
        <div>
          {c.action && (
            <Card title="Outcome" testId="case-outcome">
              <p>
                <strong>{outcomeLabel(c.action)}</strong>
                {c.resolvedBy && ` by ${c.resolvedBy.name}`}
                {c.resolvedAt && `, ${formatDateTime(c.resolvedAt)}`}
              </p>
              {c.resolutionNote && <p className="bz-prewrap">{c.resolutionNote}</p>}
            </Card>
          )}
          <ReportActions c={c} />
        </div>
      </div>
    </Page>
  );
}
