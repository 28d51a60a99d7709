import { reportCases } from "@bazaar/db";
import { AdminReportsListInput, type ReportCasePage } from "@bazaar/schemas";
import { and, desc, eq, lt, or, type SQL } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, encodeCursor } from "../platform/pagination";
import { caseSummaries } from "./queries";

/**
 * The admin queue: cases of one status, newest activity (latest report) first. A case that
 * gets a new report while an admin pages moves to the top; the keyset cursor may then show
 * it again or skip it, which a queue that is worked from the top can live with.
 */
export async function listReportCases(
  deps: Deps,
  _actor: Actor,
  raw: AdminReportsListInput,
): Promise<ReportCasePage> {
  const input = AdminReportsListInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const where: SQL[] = [eq(reportCases.status, input.status)];
  if (input.targetType) where.push(eq(reportCases.targetType, input.targetType));
  if (cursor)
    where.push(
      or(
        lt(reportCases.lastReportedAt, cursor.createdAt),
        and(eq(reportCases.lastReportedAt, cursor.createdAt), lt(reportCases.id, cursor.id)),
      )!,
    );
  const rows = await deps.db
    .select()
    .from(reportCases)
    .where(and(...where))
    .orderBy(desc(reportCases.lastReportedAt), desc(reportCases.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: await caseSummaries(deps.db, items),
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ createdAt: last.lastReportedAt, id: last.id })
        : null,
  };
}
