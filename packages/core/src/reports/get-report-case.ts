import { type ReportCaseDto, ReportCaseIdInput } from "@bazaar/schemas";
import type { Actor, Deps } from "../platform/deps";
import { caseDto, findCase } from "./queries";

/** One case with every report in it, for the admin deciding it. */
export async function getReportCase(
  deps: Deps,
  _actor: Actor,
  raw: ReportCaseIdInput,
): Promise<ReportCaseDto> {
  const { id } = ReportCaseIdInput.parse(raw);
  return caseDto(deps.db, await findCase(deps.db, id));
}
