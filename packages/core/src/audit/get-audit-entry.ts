import { auditLog } from "@bazaar/db";
import { type AuditEntryDto, AuditGetInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { toAuditEntryDto } from "./audit-dto";
import { selectEntries } from "./queries";

/** One entry with its diff, for the viewer's detail page. */
export async function getAuditEntry(deps: Deps, _actor: Actor, raw: AuditGetInput): Promise<AuditEntryDto> {
  const input = AuditGetInput.parse(raw);
  const [row] = await selectEntries(deps.db).where(eq(auditLog.id, input.id));
  if (!row) throw notFound("audit.not_found", "Audit entry not found");
  return toAuditEntryDto(row);
}
