import { type ReportCaseDto, ReportResolveInput } from "@bazaar/schemas";
import { DomainError } from "../errors";
import type { Actor, Deps } from "../platform/deps";

export async function resolveReportCase(
  _deps: Deps,
  _actor: Actor,
  raw: ReportResolveInput,
): Promise<ReportCaseDto> {
  ReportResolveInput.parse(raw);
  throw new DomainError("UNAVAILABLE", "reports.not_implemented", "Not implemented yet");
}
