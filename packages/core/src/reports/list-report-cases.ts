import { AdminReportsListInput, type ReportCasePage } from "@bazaar/schemas";
import { DomainError } from "../errors";
import type { Actor, Deps } from "../platform/deps";

export async function listReportCases(
  _deps: Deps,
  _actor: Actor,
  raw: AdminReportsListInput,
): Promise<ReportCasePage> {
  AdminReportsListInput.parse(raw);
  throw new DomainError("UNAVAILABLE", "reports.not_implemented", "Not implemented yet");
}
