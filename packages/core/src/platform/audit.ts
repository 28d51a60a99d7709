import { AsyncLocalStorage } from "node:async_hooks";
import { auditLog, type Database, users } from "@bazaar/db";
import type { AuditActorRole } from "@bazaar/schemas";
import { eq, sql } from "drizzle-orm";

/**
 * What every audit entry written while handling one request (or one job) shares: who acts,
 * in which role, the request's id and the client's address. The API sets it around each
 * procedure and the worker around each job, so a use case passes only what it knows
 * better (the target and its before/after) and no entry can forget the rest.
 * `written` counts entries, so the API's generic entry is written only when the use case
 * wrote none of its own.
 */
export type AuditScope = {
  requestId: string | null;
  ip: string | null;
  actorId: string | null;
  actorRole: AuditActorRole | null;
  /** Set when the actor acts through a seller API key: entries say which key, not just whose. */
  apiKey: { id: string; name: string } | null;
  written: number;
};

const scopes = new AsyncLocalStorage<AuditScope>();

/** Runs `fn` with its own scope: nested calls see this one, concurrent requests their own. */
export function runInAuditScope<T>(scope: Partial<Omit<AuditScope, "written">>, fn: () => T): T {
  return scopes.run(
    { requestId: null, ip: null, actorId: null, actorRole: null, apiKey: null, ...scope, written: 0 },
    fn,
  );
}

/** The scope of the request or job running now, if any. */
export const currentAuditScope = (): AuditScope | undefined => scopes.getStore();

/**
 * Names the signed-in caller once authentication has established it; a caller with an API
 * key (`apiKeyId`) is the shop's owner, and each entry also records the key as `data.apiKey`,
 * so the log tells "through API key X" from the web app.
 */
export function setAuditActor(actor: {
  userId: string;
  role: AuditActorRole;
  apiKeyId?: string;
  apiKeyName?: string;
}) {
  const scope = scopes.getStore();
  if (!scope) return;
  scope.actorId = actor.userId;
  scope.actorRole = actor.role;
  scope.apiKey = actor.apiKeyId ? { id: actor.apiKeyId, name: actor.apiKeyName ?? "" } : null;
}

export type AuditEntry = {
  /** Defaults to the scope's actor; null for the system. */
  actorId?: string | null;
  /** Defaults to the scope's role when the actor is the scope's, else the account's role, else `system`. */
  actorRole?: AuditActorRole;
  /** `domain.verb`: `seller.suspended`, `product.taken_down`. */
  action: string;
  targetType: string;
  targetId?: string | null;
  /** The target's fields the action touched, as they were and as they became. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Anything else worth keeping: a reason, a note. Never secrets. */
  data?: Record<string, unknown>;
};

/**
 * Appends one entry (the table refuses updates and deletes). Call it inside the
 * transaction that makes the change, so the entry and the change commit together.
 * Returns the entry's id.
 */
export async function audit(db: Database, entry: AuditEntry): Promise<string> {
  const scope = scopes.getStore();
  const actorId = entry.actorId === undefined ? (scope?.actorId ?? null) : entry.actorId;
  const role =
    entry.actorRole ??
    (actorId === null ? "system" : scope && scope.actorId === actorId ? scope.actorRole : null);
  const data: Record<string, unknown> = { ...entry.data };
  if (scope?.apiKey && actorId === scope.actorId) data.apiKey = scope.apiKey;
  if (entry.before !== undefined) data.before = entry.before;
  if (entry.after !== undefined) data.after = entry.after;
  const [row] = await db
    .insert(auditLog)
    .values({
      actorId,
      // An actor the scope does not know (a token's owner on a public route): their account's role.
      actorRole: role ?? sql`(select ${users.role}::text from ${users} where ${eq(users.id, actorId!)})`,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      data: Object.keys(data).length ? data : null,
      requestId: scope?.requestId ?? null,
      ip: scope?.ip ?? null,
    })
    .returning({ id: auditLog.id });
  if (scope) scope.written++;
  return row!.id;
}
