import { type ReportCaseDto, ReportRestoreInput } from "@bazaar/schemas";
import { DomainError } from "../errors";
import type { Actor, Deps } from "../platform/deps";

export async function restoreReportedContent(
  _deps: Deps,
  _actor: Actor,
  raw: ReportRestoreInput,
): Promise<ReportCaseDto> {
  ReportRestoreInput.parse(raw);
  throw new DomainError("UNAVAILABLE", "reports.not_implemented", "Not implemented yet");
}
