import { refreshTokens, sessions } from "@bazaar/db";
import { and, eq, isNull } from "drizzle-orm";
import type { Deps } from "../platform/deps";
import { sha256 } from "./credentials";

/**
 * Ends the session identified by the refresh token or, failing that, by the caller's
 * access token. Always succeeds: signing out of an already-dead session is not an error.
 */
export async function logout(
  deps: Deps,
  input: { refreshToken?: string; sessionId?: string },
): Promise<{ ok: true }> {
  let sessionId = input.sessionId;
  if (input.refreshToken) {
    const [t] = await deps.db
      .select({ sessionId: refreshTokens.sessionId })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, sha256(input.refreshToken)));
    sessionId = t?.sessionId ?? sessionId;
  }
  if (sessionId) {
    await deps.db
      .update(sessions)
      .set({ revokedAt: deps.now(), revokedReason: "logout" })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  }
  return { ok: true };
}
