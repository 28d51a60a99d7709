import { type Database, refreshTokens, sessions, type users } from "@bazaar/db";
import type { AuthResult } from "@bazaar/schemas";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Deps, Origin } from "../platform/deps";
import { newOpaqueToken, REFRESH_TTL_MS, sha256, signAccessToken } from "./credentials";
import { toUserDto } from "./dto";

/** Internally the refresh token always travels with the result; the edge decides cookie or body. */
export type SignedIn = AuthResult & { refreshToken: string; sessionId: string };

/** Starts a session family with its first refresh token and signs an access token for it. */
export async function startSession(
  deps: Pick<Deps, "auth" | "now">,
  db: Database,
  user: typeof users.$inferSelect,
  origin: Origin,
): Promise<SignedIn> {
  const now = deps.now();
  const [session] = await db
    .insert(sessions)
    .values({
      userId: user.id,
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 400) ?? null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + REFRESH_TTL_MS),
    })
    .returning({ id: sessions.id });
  const refreshToken = newOpaqueToken();
  await db
    .insert(refreshTokens)
    .values({ sessionId: session!.id, tokenHash: sha256(refreshToken), createdAt: now });
  const access = await signAccessToken(
    deps.auth.secret,
    { sub: user.id, sid: session!.id, role: user.role },
    now,
  );
  return {
    user: toUserDto(user),
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    sessionId: session!.id,
  };
}

export async function revokeSessions(
  db: Database,
  where: { userId: string; sessionId?: string; exceptSessionId?: string },
  reason: string,
  now: Date,
) {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(
      and(
        eq(sessions.userId, where.userId),
        isNull(sessions.revokedAt),
        where.sessionId ? eq(sessions.id, where.sessionId) : undefined,
        where.exceptSessionId ? ne(sessions.id, where.exceptSessionId) : undefined,
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}
