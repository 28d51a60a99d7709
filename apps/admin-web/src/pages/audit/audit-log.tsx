import { useFormError, useTRPC } from "@bazaar/client";
import { Card, ErrorAlert, Loading, LoadMore, Page } from "@bazaar/ui";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useUrlFilters } from "../url-filters";
import { AuditEntryRow } from "./audit-entry";
import { AuditFilterForm } from "./audit-filter-form";
import { auditFilterParams, auditListInput, NO_AUDIT_FILTERS, readAuditFilters } from "./audit-values";

/**
 * Who did what to whom, newest first. Filters live in the URL, so a seller's, product's or
 * order's "History" link opens this page already narrowed to that target.
 */
export function AuditLogPage() {
  const trpc = useTRPC();
  const { applied, values, set, filtered, search, clear } = useUrlFilters({
    read: readAuditFilters,
    toParams: auditFilterParams,
    empty: NO_AUDIT_FILTERS,
  });
  const list = useInfiniteQuery(
    trpc.admin.audit.list.infiniteQueryOptions(
      { limit: 25, ...auditListInput(applied) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const error = useFormError(list.error);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Page
      title="Audit log"
      description="Every change made by admins, sellers and jobs, newest first. Open an entry to see what it changed."
    >
      <Card>
        <AuditFilterForm
          values={values}
          set={set}
          filtered={filtered}
          error={error}
          onSearch={search}
          onClear={clear}
        />
        {list.isPending ? (
          <Loading />
        ) : list.error ? (
          <ErrorAlert error={error} />
        ) : rows.length === 0 ? (
          <p className="bz-empty" data-testid="audit-empty">
            {filtered ? "No entries match these filters." : "Nothing has been recorded yet."}
          </p>
        ) : (
          <div className="bz-table-wrap">
            <table className="bz-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th>When</th>
                  <th>Who</th>
                  <th>Action</th>
                  <th>Target</th>
                  <th>
                    <span className="bz-visually-hidden">Details</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <AuditEntryRow key={e.id} entry={e} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        <LoadMore query={list} />
      </Card>
    </Page>
  );
}
