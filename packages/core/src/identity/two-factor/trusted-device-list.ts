import { trustedDevices } from "@bazaar/db";
import { RevokeTrustedDeviceInput, type TrustedDeviceDto } from "@bazaar/schemas";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { notFound } from "../../errors";
import type { Actor, Deps } from "../../platform/deps";

/** The devices that skip the second factor now, most recently used first. */
export async function listTrustedDevices(deps: Deps, actor: Actor): Promise<TrustedDeviceDto[]> {
  return deps.db
    .select({
      id: trustedDevices.id,
      userAgent: trustedDevices.userAgent,
      createdAt: trustedDevices.createdAt,
      lastUsedAt: trustedDevices.lastUsedAt,
      expiresAt: trustedDevices.expiresAt,
    })
    .from(trustedDevices)
    .where(
      and(
        eq(trustedDevices.userId, actor.userId),
        isNull(trustedDevices.revokedAt),
        gt(trustedDevices.expiresAt, deps.now()),
      ),
    )
    .orderBy(desc(trustedDevices.lastUsedAt))
    .limit(100);
}

/** Forgets one device; another user's device is "not found", like a missing one. */
export async function revokeTrustedDevice(
  deps: Deps,
  actor: Actor,
  raw: RevokeTrustedDeviceInput,
): Promise<{ ok: true }> {
  const input = RevokeTrustedDeviceInput.parse(raw);
  const [row] = await deps.db
    .update(trustedDevices)
    .set({ revokedAt: deps.now() })
    .where(
      and(
        eq(trustedDevices.id, input.deviceId),
        eq(trustedDevices.userId, actor.userId),
        isNull(trustedDevices.revokedAt),
      ),
    )
    .returning({ id: trustedDevices.id });
  if (!row) throw notFound("two_factor.device_not_found", "Device not found");
  return { ok: true };
}
