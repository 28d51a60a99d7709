import { refreshTokens, sessions, users } from "@bazaar/db";
import { and, eq, isNull } from "drizzle-orm";
import { DomainError, unauthorized } from "../errors";
import { audit } from "../platform/audit";
import type { Deps, Origin } from "../platform/deps";
import { newOpaqueToken, REFRESH_TTL_MS, sha256, signAccessToken } from "./credentials";
import { toUserDto } from "./dto";
import type { SignedIn } from "./sessions";

const invalid = () => unauthorized("auth.refresh_invalid", "Your session has ended. Sign in again.");

/**
 * Rotates a refresh token: the presented token dies and a new one is issued in the same
 * session family. A token that was already rotated is evidence of theft (either the
 * thief or the owner holds a stale copy), so the whole family is revoked.
 */
export async function refreshSession(
  deps: Deps,
  origin: Origin,
  refreshToken: string | undefined,
): Promise<SignedIn> {
  if (!refreshToken) throw invalid();
  const now = deps.now();
  const outcome = await deps.db.transaction(async (tx): Promise<DomainError | SignedIn> => {
    // The row lock serialises two refreshes of the same token: the second sees it rotated.
    const [row] = await tx
      .select({ token: refreshTokens, session: sessions, user: users })
      .from(refreshTokens)
      .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(refreshTokens.tokenHash, sha256(refreshToken)))
      .for("update", { of: [refreshTokens, sessions] });
    if (!row) return invalid();
    const { token, session, user } = row;
    if (session.revokedAt || session.expiresAt <= now) return invalid();
    if (token.rotatedAt) {
      await tx
        .update(sessions)
        .set({ revokedAt: now, revokedReason: "refresh_token_reuse" })
        .where(eq(sessions.id, session.id));
      await audit(tx, {
        actorId: user.id,
        action: "session.reuse_detected",
        targetType: "session",
        targetId: session.id,
        data: { ip: origin.ip, userAgent: origin.userAgent },
      });
      return unauthorized(
        "auth.refresh_reused",
        "This session was signed out for your safety. Sign in again.",
      );
    }
    if (user.status !== "active") return invalid();

    await tx
      .update(refreshTokens)
      .set({ rotatedAt: now })
      .where(and(eq(refreshTokens.id, token.id), isNull(refreshTokens.rotatedAt)));
    const next = newOpaqueToken();
    await tx.insert(refreshTokens).values({ sessionId: session.id, tokenHash: sha256(next), createdAt: now });
    await tx
      .update(sessions)
      .set({
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + REFRESH_TTL_MS),
        ip: origin.ip ?? session.ip,
        userAgent: origin.userAgent?.slice(0, 400) ?? session.userAgent,
      })
      .where(eq(sessions.id, session.id));
    const access = await signAccessToken(
      deps.auth.secret,
      { sub: user.id, sid: session.id, role: user.role },
      now,
    );
    return {
      user: toUserDto(user),
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: next,
      sessionId: session.id,
    };
  });
  if (outcome instanceof DomainError) throw outcome;
  return outcome;
}
