import { type ReportCaseDto, ReportCaseIdInput } from "@bazaar/schemas";
import { DomainError } from "../errors";
import type { Actor, Deps } from "../platform/deps";

export async function getReportCase(
  _deps: Deps,
  _actor: Actor,
  raw: ReportCaseIdInput,
): Promise<ReportCaseDto> {
  ReportCaseIdInput.parse(raw);
  throw new DomainError("UNAVAILABLE", "reports.not_implemented", "Not implemented yet");
}
