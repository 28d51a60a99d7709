import { useFormError, useTRPC } from "@bazaar/client";
import { formatDateTime } from "@bazaar/client/format";
import type { ReportCaseSummaryDto } from "@bazaar/schemas";
import { Card, ErrorAlert, FilterTabs, Loading, LoadMore, Page, SelectField } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ReportReasons } from "./report-reasons";
import { ReportTarget } from "./report-target";
import {
  CASE_TABS,
  outcomeLabel,
  readReportFilters,
  reportCount,
  reportFilterHref,
  reportListInput,
  reportReasonLabel,
  TARGET_TYPE_OPTIONS,
  targetTypeLabel,
} from "./report-values";

/**
 * Reported products, reviews, questions, answers and shops. All reports of one target make
 * one case, so each card is one thing to decide on, however many people reported it.
 */
export function ReportsPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const filters = readReportFilters(params);
  const cases = useInfiniteQuery(
    trpc.admin.reports.list.infiniteQueryOptions(
      { limit: 20, ...reportListInput(filters) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(cases.error);
  const rows = cases.data?.pages.flatMap((p) => p.items) ?? [];
  const what = filters.targetType ? `${targetTypeLabel(filters.targetType).toLowerCase()} ` : "";

  return (
    <Page
      title="Reports"
      description="What signed-in people reported. Dismiss a case, hide a review, question or answer, unlist a product or suspend a shop."
    >
      <FilterTabs
        label="Case status"
        tabs={CASE_TABS}
        current={filters.status}
        href={(status) => reportFilterHref({ ...filters, status })}
      />
      <Card>
        <div className="bz-toolbar">
          <SelectField
            id="target-type"
            label="Reported"
            placeholder="Anything"
            options={TARGET_TYPE_OPTIONS}
            value={filters.targetType}
            onValue={(v) =>
              navigate(reportFilterHref({ ...filters, targetType: v as typeof filters.targetType }), {
                replace: true,
              })
            }
          />
        </div>
        {cases.isPending ? (
          <Loading />
        ) : cases.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty" data-testid="reports-empty">
            {filters.status === "open"
              ? `No open ${what}reports. Nothing waits for a decision.`
              : `No ${filters.status} ${what}cases.`}
          </p>
        ) : (
          <ul className="bz-list" data-testid="report-cases">
            {rows.map((c) => (
              <CaseItem key={c.id} c={c} />
            ))}
          </ul>
        )}
        <LoadMore query={cases} />
      </Card>
    </Page>
  );
}

function CaseItem({ c }: { c: ReportCaseSummaryDto }) {
  return (
    <li className="bz-card" data-testid="report-case">
      <div className="bz-row">
        <div className="bz-row__main">
          <ReportTarget target={c.target} compact />
        </div>
        <div className="bz-align-right">
          <Link
            to={`/reports/${c.id}`}
            className="bz-button bz-button--secondary"
            aria-label={`Open the case: ${targetTypeLabel(c.targetType)}, ${reportCount(c.reportCount)}`}
          >
            {c.status === "open" ? "Review" : "Open"}
          </Link>
        </div>
      </div>
      <p>
        <strong data-testid="report-count">{reportCount(c.reportCount)}</strong>{" "}
        <ReportReasons reasons={c.reasons} />
        <span className="bz-muted bz-small"> · last {formatDateTime(c.lastReportedAt)}</span>
      </p>
      {c.latestNotes.length > 0 && (
        <ul className="bz-small bz-muted">
          {c.latestNotes.map((n) => (
            <li key={`${n.at.toISOString()}-${n.note}`}>
              {reportReasonLabel(n.reason)}: <q>{n.note}</q>
            </li>
          ))}
        </ul>
      )}
      {c.action && (
        <p className="bz-small">
          <strong>{outcomeLabel(c.action)}</strong>
          {c.resolvedBy && ` by ${c.resolvedBy.name}`}
          {c.resolvedAt && `, ${formatDateTime(c.resolvedAt)}`}
          {c.resolutionNote && `: ${c.resolutionNote}`}
        </p>
      )}
    </li>
  );
}
