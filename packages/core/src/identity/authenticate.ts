import { type Database, sessions, users } from "@bazaar/db";
import { eq, sql } from "drizzle-orm";
import { unauthorized } from "../errors";
import { rootDb } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";
import { verifyAccessToken } from "./credentials";

/**
 * Every authenticated request runs this query, so it is prepared once per database
 * handle: Drizzle then skips rebuilding the SQL and PostgreSQL skips re-planning it.
 */
const prepared = new WeakMap<Database, ReturnType<typeof prepare>>();
const prepare = (db: Database) =>
  db
    .select({
      role: users.role,
      status: users.status,
      revokedAt: sessions.revokedAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("sid")))
    .prepare("authenticate_session");

/**
 * Turns a bearer token into an actor. The signature alone is not enough: the session
 * must be live and the account active, so logout, revocation and suspension take
 * effect on the next request rather than when the token expires. The role comes from
 * the database for the same reason.
 */
export async function authenticate(
  deps: Pick<Deps, "db" | "auth" | "now">,
  accessToken: string,
): Promise<Actor> {
  const now = deps.now();
  const claims = await verifyAccessToken(deps.auth.secret, accessToken, now);
  if (!claims) throw unauthorized("auth.token_invalid", "Your sign-in has expired. Sign in again.");
  return assertSessionLive(deps, { userId: claims.sub, sessionId: claims.sid });
}

/**
 * The one way a request's bearer token becomes an actor, for tRPC procedures and plain
 * HTTP routes alike: no token is "sign in to continue", a bad one as `authenticate` says.
 */
export async function authenticateBearer(
  deps: Pick<Deps, "db" | "auth" | "now">,
  token: string | null | undefined,
): Promise<Actor> {
  if (!token) throw unauthorized("auth.required", "Sign in to continue");
  return authenticate(deps, token);
}

/**
 * The session is live and its account active, now. Long-lived streams call this again
 * while they run, so a revoked session or a suspended account stops receiving events
 * without waiting for the access token to expire.
 */
export async function assertSessionLive(
  deps: Pick<Deps, "db" | "now">,
  who: { userId: string; sessionId: string },
): Promise<Actor> {
  // Per database, not per handle: each call's handle is its own (withAuditScope).
  const db = rootDb(deps.db);
  let query = prepared.get(db);
  if (!query) {
    query = prepare(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({ sid: who.sessionId });
  return liveActor(row, who, deps.now());
}

/** The checks of a session row read with its account: live, the token's own, the account active. */
export function liveActor(
  row:
    | { userId: string; role: Actor["role"]; status: string; revokedAt: Date | null; expiresAt: Date }
    | undefined,
  who: { userId: string; sessionId: string },
  now: Date,
): Actor {
  if (!row || row.userId !== who.userId || row.revokedAt || row.expiresAt <= now) {
    throw unauthorized("auth.session_ended", "Your session has ended. Sign in again.");
  }
  if (row.status !== "active") throw unauthorized("auth.account_inactive", `This account is ${row.status}`);
  return { userId: row.userId, role: row.role, sessionId: who.sessionId };
}
