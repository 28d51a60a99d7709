import { reportCases } from "@bazaar/db";
import { type ReportCaseDto, ReportRestoreInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { invalidState, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { setContentStatus } from "./apply-action";
import { deferredDeps } from "./deferred-deps";
import { caseDto, lockCase } from "./queries";
import { contentStatus } from "./targets";

/**
 * Undoes a `hide`: the review, question or answer is published again (a wrong call, or an
 * appeal). The case stays decided, its action becomes `restore` with the admin's note, and
 * the audit row keeps both the hide and the restore. Only a hidden target of a case decided
 * by `hide` can be restored; a product takedown is appealed by the seller resubmitting, a
 * suspended shop is reinstated from the sellers admin.
 */
export async function restoreReportedContent(
  deps: Deps,
  actor: Actor,
  raw: ReportRestoreInput,
): Promise<ReportCaseDto> {
  const input = ReportRestoreInput.parse(raw);
  const now = deps.now();
  let release = async () => {};
  const dto = await deps.db.transaction(async (tx) => {
    const c = await lockCase(tx, input.id);
    if (c.status !== "actioned" || c.action !== "hide")
      throw invalidState("report.not_hidden", "Only content hidden by this case can be restored", {
        status: c.status,
        action: c.action,
      });
    const type = c.targetType;
    if (type !== "review" && type !== "question" && type !== "answer" && type !== "message")
      throw invalidState("report.not_hidden", "Only content hidden by this case can be restored");
    const before = await contentStatus(tx, type, c.targetId);
    if (!before) throw notFound(`report.${type}_not_found`, `This ${type} no longer exists`);
    const scoped = deferredDeps(deps, tx);
    release = scoped.release;
    await setContentStatus(scoped.deps, type, c.targetId, "published");
    await tx
      .update(reportCases)
      .set({ action: "restore", resolutionNote: input.note, resolvedById: actor.userId, resolvedAt: now })
      .where(eq(reportCases.id, c.id));
    await audit(tx, {
      actorId: actor.userId,
      action: "report.restore",
      targetType: "report_case",
      targetId: c.id,
      data: {
        target: { type, id: c.targetId },
        note: input.note,
        before: { case: { status: c.status, action: c.action }, target: { status: before } },
        after: { case: { status: c.status, action: "restore" }, target: { status: "published" } },
      },
    });
    return caseDto(tx, {
      ...c,
      action: "restore",
      resolutionNote: input.note,
      resolvedById: actor.userId,
      resolvedAt: now,
    });
  });
  await release();
  return dto;
}
