import { refreshTokens, sessions } from "@bazaar/db";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { sha256, verifyAccessToken } from "./credentials";

/**
 * Ends the session of the refresh token and the session of the access token (a mobile or
 * API client may hold only the latter; a web client sends both, usually for the same
 * session). Always succeeds: signing out of an already-dead session, or with a token that
 * proves nothing, is not an error.
 */
export async function logout(
  deps: Pick<Deps, "db" | "auth" | "now">,
  input: { refreshToken?: string; accessToken?: string },
): Promise<{ ok: true }> {
  const ids: string[] = [];
  if (input.refreshToken) {
    const [t] = await deps.db
      .select({ sessionId: refreshTokens.sessionId })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, sha256(input.refreshToken)));
    if (t) ids.push(t.sessionId);
  }
  if (input.accessToken) {
    // The signature proves which session the token belongs to, even if it has expired since.
    const claims = await verifyAccessToken(deps.auth.secret, input.accessToken, deps.now(), {
      allowExpired: true,
    });
    if (claims) ids.push(claims.sid);
  }
  if (ids.length > 0) {
    await deps.db
      .update(sessions)
      .set({ revokedAt: deps.now(), revokedReason: "logout" })
      .where(and(inArray(sessions.id, ids), isNull(sessions.revokedAt)));
  }
  return { ok: true };
}
