import { type Database, reportCases, reports, users } from "@bazaar/db";
import type {
  ReportAction,
  ReportCaseSummaryDto,
  ReportDto,
  ReportReason,
  ReportTargetType,
} from "@bazaar/schemas";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { notFound } from "../errors";
import { rowsOf } from "../platform/raw-rows";
import { previewKey, targetPreviews } from "./targets";

export type CaseRow = typeof reportCases.$inferSelect;

/** The case, locked for the rest of the transaction (one decision at a time). */
export async function lockCase(tx: Database, id: string): Promise<CaseRow> {
  const [row] = await tx.select().from(reportCases).where(eq(reportCases.id, id)).for("update");
  if (!row) throw notFound("report.case_not_found", "Report case not found");
  return row;
}

export async function findCase(db: Database, id: string): Promise<CaseRow> {
  const [row] = await db.select().from(reportCases).where(eq(reportCases.id, id));
  if (!row) throw notFound("report.case_not_found", "Report case not found");
  return row;
}

/** Cases as the queue shows them: target preview, reasons breakdown, newest notes, who decided. */
export async function caseSummaries(db: Database, rows: CaseRow[]): Promise<ReportCaseSummaryDto[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const reasonRows = await rowsOf<{ case_id: string; reason: ReportReason; n: number | string }>(
    db,
    sql`select case_id, reason, count(*) as n from reports where case_id in (${idList}) group by case_id, reason`,
  );
  const noteRows = await rowsOf<{
    case_id: string;
    reason: ReportReason;
    note: string;
    created_at: Date | string;
  }>(
    db,
    sql`select case_id, reason, note, created_at from (
          select case_id, reason, note, created_at,
                 row_number() over (partition by case_id order by created_at desc, id desc) as rn
          from reports where case_id in (${idList}) and note is not null and note <> ''
        ) latest where rn <= 3 order by created_at desc`,
  );
  const resolverIds = [...new Set(rows.map((r) => r.resolvedById).filter((x): x is string => !!x))];
  const resolvers = resolverIds.length
    ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, resolverIds))
    : [];
  const resolverOf = new Map(resolvers.map((u) => [u.id, u]));
  const previews = await targetPreviews(
    db,
    rows.map((r) => ({ type: r.targetType, id: r.targetId })),
  );
  return rows.map((r) => ({
    id: r.id,
    targetType: r.targetType as ReportTargetType,
    targetId: r.targetId,
    status: r.status,
    reportCount: r.reportCount,
    reasons: reasonRows
      .filter((x) => x.case_id === r.id)
      .map((x) => ({ reason: x.reason, count: Number(x.n) }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    latestNotes: noteRows
      .filter((x) => x.case_id === r.id)
      .map((x) => ({ reason: x.reason, note: x.note, at: new Date(x.created_at) })),
    lastReportedAt: r.lastReportedAt,
    createdAt: r.createdAt,
    action: r.action as ReportAction | "restore" | null,
    resolutionNote: r.resolutionNote,
    resolvedAt: r.resolvedAt,
    resolvedBy: r.resolvedById ? (resolverOf.get(r.resolvedById) ?? null) : null,
    target: previews.get(previewKey(r.targetType, r.targetId))!,
  }));
}

/** Every report of a case, newest first, with who filed it. */
export async function caseReports(db: Database, caseId: string): Promise<ReportDto[]> {
  const rows = await db
    .select({
      id: reports.id,
      reason: reports.reason,
      note: reports.note,
      createdAt: reports.createdAt,
      reporter: { id: users.id, name: users.name, email: users.email },
    })
    .from(reports)
    .innerJoin(users, eq(users.id, reports.reporterId))
    .where(eq(reports.caseId, caseId))
    .orderBy(desc(reports.createdAt), asc(reports.id));
  return rows;
}

export async function caseDto(db: Database, row: CaseRow) {
  const [summary] = await caseSummaries(db, [row]);
  return { ...summary!, reports: await caseReports(db, row.id) };
}
