import { reportCases } from "@bazaar/db";
import { type ReportCaseDto, ReportResolveInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { invalidState } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { applyAction } from "./apply-action";
import { deferredDeps } from "./deferred-deps";
import { caseDto, lockCase } from "./queries";

/**
 * An admin decides an open case: dismiss, hide the review/question/answer, unlist the
 * product (a takedown), or suspend the target's shop. Under the case's row lock, so of
 * two admins deciding at once one wins and the other is told it is decided
 * (INVALID_STATE report.case_closed). The change to the target, the case's outcome and
 * the audit row (before and after) commit together; emails and cache bumps follow the commit.
 * A product already taken down or a shop already suspended is not acted on twice: the case
 * is marked actioned and the audit shows the unchanged state. An action that fails (a
 * product the seller archived meanwhile) rolls the whole decision back; the case stays open.
 */
export async function resolveReportCase(
  deps: Deps,
  actor: Actor,
  raw: ReportResolveInput,
): Promise<ReportCaseDto> {
  const input = ReportResolveInput.parse(raw);
  const now = deps.now();
  let release = async () => {};
  const dto = await deps.db.transaction(async (tx) => {
    const c = await lockCase(tx, input.id);
    if (c.status !== "open")
      throw invalidState("report.case_closed", `This case was already ${c.status}`, {
        status: c.status,
        action: c.action,
      });
    const scoped = deferredDeps(deps, tx);
    release = scoped.release;
    const effect = await applyAction(
      scoped.deps,
      actor,
      { type: c.targetType, id: c.targetId },
      input.action,
      input.note ?? "",
    );
    const status = input.action === "dismiss" ? "dismissed" : "actioned";
    await tx
      .update(reportCases)
      .set({
        status,
        action: input.action,
        resolutionNote: input.note ?? null,
        resolvedById: actor.userId,
        resolvedAt: now,
      })
      .where(eq(reportCases.id, c.id));
    await audit(tx, {
      actorId: actor.userId,
      action: `report.${input.action}`,
      targetType: "report_case",
      targetId: c.id,
      data: {
        target: { type: c.targetType, id: c.targetId },
        note: input.note ?? null,
        reportCount: c.reportCount,
        before: { case: { status: c.status }, target: effect.before },
        after: { case: { status, action: input.action }, target: effect.after },
      },
    });
    return caseDto(tx, {
      ...c,
      status,
      action: input.action,
      resolutionNote: input.note ?? null,
      resolvedById: actor.userId,
      resolvedAt: now,
    });
  });
  await release();
  return dto;
}
