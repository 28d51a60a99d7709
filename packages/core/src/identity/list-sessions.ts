import { sessions } from "@bazaar/db";
import type { SessionDto } from "@bazaar/schemas";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";

/** The caller's signed-in devices, most recently used first. */
export async function listSessions(deps: Deps, actor: Actor): Promise<SessionDto[]> {
  const rows = await deps.db
    .select()
    .from(sessions)
    .where(
      and(eq(sessions.userId, actor.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, deps.now())),
    )
    .orderBy(desc(sessions.lastUsedAt))
    .limit(100);
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastUsedAt: s.lastUsedAt,
    userAgent: s.userAgent,
    ip: s.ip,
    current: s.id === actor.sessionId,
  }));
}
