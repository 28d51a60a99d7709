import { sessions, users } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { unauthorized } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { verifyAccessToken } from "./credentials";

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
  const [row] = await deps.db
    .select({
      role: users.role,
      status: users.status,
      revokedAt: sessions.revokedAt,
      expiresAt: sessions.expiresAt,
      userId: users.id,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, claims.sid));
  if (!row || row.userId !== claims.sub || row.revokedAt || row.expiresAt <= now) {
    throw unauthorized("auth.session_ended", "Your session has ended. Sign in again.");
  }
  if (row.status !== "active") throw unauthorized("auth.account_inactive", `This account is ${row.status}`);
  return { userId: row.userId, role: row.role, sessionId: claims.sid };
}
