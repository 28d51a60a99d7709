import { auditLog, passwordResets, userIdentities, users } from "@bazaar/db";
import { UnlinkIdentityInput } from "@bazaar/schemas";
import { and, desc, eq, gte, isNotNull, ne, sql } from "drizzle-orm";
import { invalidState, notFound } from "../errors";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";

/**
 * Removes a linked Google account from the caller's account, as long as they can still sign
 * in another way: another linked account, or a password they know. An account Google created
 * (or whose unconfirmed sign-up password a Google link cleared) has no password anyone knows
 * until a reset link sets one; unlinking its only Google account would lock it, so that is
 * refused with what to do first.
 */
export async function unlinkAccount(
  deps: Pick<Deps, "db">,
  actor: Actor,
  raw: UnlinkIdentityInput,
): Promise<{ ok: true }> {
  const input = UnlinkIdentityInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    // The account row locked: two unlinks at once cannot each leave the other as the last way in.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.userId)).for("update");
    const [link] = await tx
      .select()
      .from(userIdentities)
      .where(and(eq(userIdentities.id, input.id), eq(userIdentities.userId, actor.userId)));
    if (!link) throw notFound("identity.not_found", "No such linked account");

    const [other] = await tx
      .select({ id: userIdentities.id })
      .from(userIdentities)
      .where(and(eq(userIdentities.userId, actor.userId), ne(userIdentities.id, link.id)))
      .limit(1);
    if (!other && !(await knowsPassword(tx, actor.userId)))
      throw invalidState(
        "identity.last_sign_in",
        "Google is the only way into this account. Choose a password first (Forgot password), then remove Google.",
      );

    await tx.delete(userIdentities).where(eq(userIdentities.id, link.id));
    await audit(tx, {
      actorId: actor.userId,
      action: "user.google_unlinked",
      targetType: "user",
      targetId: actor.userId,
      data: { googleEmail: link.email },
    });
    return { ok: true as const };
  });
}

/**
 * Whether the account has a password someone chose: not when a Google link created the
 * account or cleared its password, unless a reset link has set one since.
 */
async function knowsPassword(tx: Deps["db"], userId: string): Promise<boolean> {
  const [cleared] = await tx
    .select({ at: auditLog.createdAt })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, "user.google_linked"),
        eq(auditLog.targetType, "user"),
        eq(auditLog.targetId, userId),
        sql`(${auditLog.data}->>'accountCreated' = 'true' or ${auditLog.data}->>'passwordCleared' = 'true')`,
      ),
    )
    .orderBy(desc(auditLog.createdAt))
    .limit(1);
  if (!cleared) return true;
  const [reset] = await tx
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.userId, userId),
        isNotNull(passwordResets.usedAt),
        gte(passwordResets.usedAt, cleared.at),
      ),
    )
    .limit(1);
  return reset !== undefined;
}
