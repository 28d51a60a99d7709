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

/** Each scoped handle's (and each transaction begun from one) scope, and the handle it wraps. */
const scopes = new WeakMap<object, AuditScope>();
const roots = new WeakMap<object, Database>();

/**
 * `deps` whose database handle carries its own scope: every audit entry written through it,
 * or through a transaction (or savepoint) begun from it, takes the scope's request id,
 * address and actor. The API makes one per call and the worker one per job.
 *
 * The scope travels with the handle rather than in an AsyncLocalStorage: on Node 20 the
 * latter's promise hook runs on every promise of every request (an `await` costs ~2.8× with
 * one active), for entries only mutations write.
 */
export function withAuditScope<D extends { db: Database }>(
  deps: D,
  scope: Partial<Omit<AuditScope, "written">>,
): D {
  const full: AuditScope = {
    requestId: null,
    ip: null,
    actorId: null,
    actorRole: null,
    apiKey: null,
    ...scope,
    written: 0,
  };
  const root = rootDb(deps.db);
  // Everything else (select, insert, execute, $client, the session) is the root's.
  const db = Object.create(root) as Database;
  db.transaction = (fn, config) => root.transaction((tx) => fn(scopeTransaction(tx, full)), config);
  scopes.set(db, full);
  roots.set(db, root);
  return { ...deps, db };
}

function scopeTransaction<T extends Database>(tx: T, scope: AuditScope): T {
  scopes.set(tx, scope);
  const savepoint = tx.transaction.bind(tx);
  tx.transaction = (fn, config) => savepoint((inner) => fn(scopeTransaction(inner, scope)), config);
  return tx;
}

/** The database handle a scoped one wraps (itself when it is not one): for per-handle caches. */
export const rootDb = (db: Database): Database => roots.get(db) ?? db;

/** The scope of the request or job `db` (or a transaction of it) belongs to, if any. */
export const auditScopeOf = (db: Database): AuditScope | undefined => scopes.get(db);

/**
 * Names the signed-in caller once authentication has established it; a caller with an API
 * key (`apiKeyId`) is the shop's owner, and each entry also records the key as `data.apiKey`,
 * so the log tells "through API key X" from the web app.
 */
export function setAuditActor(
  db: Database,
  actor: {
    userId: string;
    role: AuditActorRole;
    apiKeyId?: string;
    apiKeyName?: string;
  },
) {
  const scope = scopes.get(db);
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
  const scope = scopes.get(db);
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
