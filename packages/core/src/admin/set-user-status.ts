import { users } from "@bazaar/db";
import { SetUserStatusInput, type UserDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { invalidState, notFound } from "../errors";
import { revokeSessions, toUserDto } from "../identity";
import { dispatchEmails, queueEmail } from "../notifications";
import { audit } from "../platform/audit";
import type { Actor, Deps } from "../platform/deps";

/** Suspending or deactivating signs the user out everywhere at once; it is audited and the user is told. */
export async function setUserStatus(deps: Deps, actor: Actor, raw: SetUserStatusInput): Promise<UserDto> {
  const input = SetUserStatusInput.parse(raw);
  if (input.userId === actor.userId)
    throw invalidState("user.self_status", "You cannot change your own account status");
  const now = deps.now();
  const { user, emailId } = await deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, input.userId)).for("update");
    if (!before) throw notFound("user.not_found", "User not found");
    if (before.status === input.status) return { user: before, emailId: null };
    const [user] = await tx
      .update(users)
      .set({ status: input.status, statusReason: input.reason, updatedAt: now })
      .where(eq(users.id, input.userId))
      .returning();
    if (input.status !== "active")
      await revokeSessions(tx, { userId: input.userId }, `account_${input.status}`, now);
    await audit(tx, {
      actorId: actor.userId,
      action: "user.status_changed",
      targetType: "user",
      targetId: input.userId,
      before: { status: before.status },
      after: { status: input.status },
      data: { reason: input.reason },
    });
    const emailId = await queueEmail(tx, {
      to: before.email,
      template: "account_status",
      payload: { name: before.name, status: input.status, reason: input.reason },
    });
    return { user: user!, emailId };
  });
  if (emailId) await dispatchEmails(deps, [emailId]);
  return toUserDto(user);
}
