import { ReportCreateInput, type ReportReceiptDto } from "@bazaar/schemas";
import { DomainError } from "../errors";
import type { Actor, Deps } from "../platform/deps";

export async function createReport(
  _deps: Deps,
  _actor: Actor,
  raw: ReportCreateInput,
): Promise<ReportReceiptDto> {
  ReportCreateInput.parse(raw);
  throw new DomainError("UNAVAILABLE", "reports.not_implemented", "Not implemented yet");
}
