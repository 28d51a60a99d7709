import { type Database, trustedDevices } from "@bazaar/db";
import { and, eq, gt, isNull } from "drizzle-orm";
import { newOpaqueToken, sha256 } from "../credentials";

/** How long "remember this device" skips the second factor. */
export const TRUSTED_DEVICE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Issues a device token (only its hash is kept); the edge hands it out as a cookie or in the body. */
export async function trustDevice(db: Database, userId: string, userAgent: string | null, now: Date) {
  const token = newOpaqueToken();
  const expiresAt = new Date(now.getTime() + TRUSTED_DEVICE_TTL_MS);
  await db.insert(trustedDevices).values({
    userId,
    tokenHash: sha256(token),
    userAgent: userAgent?.slice(0, 400) ?? null,
    createdAt: now,
    lastUsedAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

/** True when `token` is a live device of this user (and notes its use). Someone else's token counts for nothing. */
export async function isTrustedDevice(db: Database, userId: string, token: string, now: Date) {
  const [row] = await db
    .update(trustedDevices)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(trustedDevices.tokenHash, sha256(token)),
        eq(trustedDevices.userId, userId),
        isNull(trustedDevices.revokedAt),
        gt(trustedDevices.expiresAt, now),
      ),
    )
    .returning({ id: trustedDevices.id });
  return row !== undefined;
}

/** Every remembered device of the user asks for the second factor again. */
export async function revokeTrustedDevices(db: Database, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(trustedDevices)
    .set({ revokedAt: now })
    .where(and(eq(trustedDevices.userId, userId), isNull(trustedDevices.revokedAt)))
    .returning({ id: trustedDevices.id });
  return rows.length;
}
