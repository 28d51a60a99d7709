import { auditLog, users } from "@bazaar/db";
import { type AuditEntryDto, AuditListInput, type Page } from "@bazaar/schemas";
import { and, desc, eq, gte, like, lt, or, type SQL } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { toAuditEntryDto } from "./audit-dto";
import { selectEntries } from "./queries";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The admin viewer: entries newest first, filtered by actor (id or email), the actor's
 * role, an action prefix, the target and a time range, each with its before → after diff.
 * Keyset pages over (created_at, id); each filter has an index beside created_at.
 */
export async function listAuditLog(
  deps: Deps,
  _actor: Actor,
  raw: AuditListInput,
): Promise<Page<AuditEntryDto>> {
  const input = AuditListInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  const where: (SQL | undefined)[] = [
    input.actorId ? eq(auditLog.actorId, input.actorId) : undefined,
    input.actorEmail ? eq(users.email, input.actorEmail) : undefined,
    input.actorRole ? eq(auditLog.actorRole, input.actorRole) : undefined,
    input.action ? like(auditLog.action, `${escapeLike(input.action)}%`) : undefined,
    input.targetType ? eq(auditLog.targetType, input.targetType) : undefined,
    input.targetId ? eq(auditLog.targetId, input.targetId) : undefined,
    input.from ? gte(auditLog.createdAt, input.from) : undefined,
    input.to ? lt(auditLog.createdAt, input.to) : undefined,
    cursor
      ? or(
          lt(auditLog.createdAt, cursor.createdAt),
          and(eq(auditLog.createdAt, cursor.createdAt), lt(auditLog.id, cursor.id)),
        )
      : undefined,
  ];
  const rows = await selectEntries(deps.db)
    .where(and(...where))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  return { items: p.items.map(toAuditEntryDto), nextCursor: p.nextCursor };
}
