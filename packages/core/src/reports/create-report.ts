import { reports } from "@bazaar/db";
import { ReportCreateInput, type ReportReceiptDto } from "@bazaar/schemas";
import { and, eq, sql } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { rowsOf } from "../platform/raw-rows";
import { assertReportable } from "./targets";

/**
 * Anyone signed in reports a product, review, question, answer or shop they can see.
 * Reports of one target join its one open case (the partial unique index
 * report_cases_open_target_key): the case is found or opened with a single
 * insert … on conflict, so reporters racing to be first still end in one case, and that
 * statement locks the case row, so report_count is counted one at a time and stays exact.
 *
 * One report per user per case, and a second is idempotent: it records nothing and answers
 * the first one with `alreadyReported: true` (a double click, or reporting again before
 * an admin decided, is not an error the reporter can do anything about). Once the case is
 * decided a new report opens a new case.
 */
export async function createReport(
  deps: Deps,
  actor: Actor,
  raw: ReportCreateInput,
): Promise<ReportReceiptDto> {
  const input = ReportCreateInput.parse(raw);
  await deps.limiter.consume("report.create.account", actor.userId);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    await assertReportable(tx, input.targetType, input.targetId, actor.userId);
    // The no-op update makes the statement return (and lock) the open case when one exists.
    const [openCase] = await rowsOf<{ id: string }>(
      tx,
      sql`insert into report_cases (target_type, target_id, status, report_count, last_reported_at)
          values (${input.targetType}::report_target, ${input.targetId}::uuid, 'open', 0, ${now.toISOString()}::timestamptz)
          on conflict (target_type, target_id) where status = 'open'
          do update set target_id = excluded.target_id
          returning id`,
    );
    const caseId = openCase!.id;
    const [created] = await tx
      .insert(reports)
      .values({
        caseId,
        reporterId: actor.userId,
        reason: input.reason,
        note: input.note || null,
        createdAt: now,
      })
      .onConflictDoNothing({ target: [reports.caseId, reports.reporterId] })
      .returning({ id: reports.id });
    if (!created) {
      const [mine] = await tx
        .select({ id: reports.id })
        .from(reports)
        .where(and(eq(reports.caseId, caseId), eq(reports.reporterId, actor.userId)));
      return { caseId, reportId: mine!.id, alreadyReported: true };
    }
    await tx.execute(
      sql`update report_cases set report_count = report_count + 1,
            last_reported_at = greatest(last_reported_at, ${now.toISOString()}::timestamptz)
          where id = ${caseId}::uuid`,
    );
    return { caseId, reportId: created.id, alreadyReported: false };
  });
}
