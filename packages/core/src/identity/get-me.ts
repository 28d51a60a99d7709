import { type Database, sessions, users } from "@bazaar/db";
import type { UserDto } from "@bazaar/schemas";
import { eq, sql } from "drizzle-orm";
import { unauthorized } from "../errors";
import { rootDb } from "../platform/audit";
import type { Deps } from "../platform/deps";
import { liveActor } from "./authenticate";
import { verifyAccessToken } from "./credentials";

/**
 * The session and its account in one prepared statement: `me` is called on every page
 * load of every client, so checking the session and reading the profile share one round
 * trip instead of authenticating first and reading the user after.
 */
const prepared = new WeakMap<Database, ReturnType<typeof prepare>>();
const prepare = (db: Database) =>
  db
    .select({
      revokedAt: sessions.revokedAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
      email: users.email,
      name: users.name,
      phone: users.phone,
      role: users.role,
      status: users.status,
      emailVerifiedAt: users.emailVerifiedAt,
      statusReason: users.statusReason,
      createdAt: users.createdAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("sid")))
    .prepare("get_me");

/**
 * The signed-in account, from the bearer token: the same checks as every authenticated
 * call (a live session of this token, an active account; see authenticate.ts), the same
 * errors, and the profile from the same row.
 */
export async function getMe(
  deps: Pick<Deps, "db" | "auth" | "now">,
  accessToken: string | null | undefined,
): Promise<UserDto> {
  if (!accessToken) throw unauthorized("auth.required", "Sign in to continue");
  const now = deps.now();
  const claims = await verifyAccessToken(deps.auth.secret, accessToken, now);
  if (!claims) throw unauthorized("auth.token_invalid", "Your sign-in has expired. Sign in again.");
  // Per database, not per handle: each call's handle is its own (withAuditScope).
  const db = rootDb(deps.db);
  let query = prepared.get(db);
  if (!query) {
    query = prepare(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({ sid: claims.sid });
  liveActor(row, { userId: claims.sub, sessionId: claims.sid }, now);
  const u = row!;
  return {
    id: u.userId,
    email: u.email,
    name: u.name,
    phone: u.phone,
    role: u.role,
    status: u.status,
    emailVerified: u.emailVerifiedAt !== null,
    statusReason: u.statusReason,
    createdAt: u.createdAt,
  };
}
