import { users } from "@bazaar/db";
import { ChangePasswordInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { invalidField, notFound } from "../errors";
import { dispatchEmails, queueEmail } from "../notifications";
import type { Actor, Deps, Origin } from "../platform/deps";
import { hashPassword, verifyPassword } from "./credentials";
import { findUserById } from "./queries";
import { revokeSessions } from "./sessions";
import { revokeTrustedDevices } from "./two-factor/trusted-devices";

/**
 * Changes the password and signs out every other device; this one stays signed in.
 * Attempts are limited per account and per address like sign-in: each one costs a bcrypt
 * check, and a stolen access token must not become a fast password oracle.
 */
export async function changePassword(
  deps: Deps,
  actor: Actor,
  raw: ChangePasswordInput,
  origin: Origin = { ip: null, userAgent: null },
): Promise<{ ok: true; signedOutSessions: number }> {
  const input = ChangePasswordInput.parse(raw);
  if (origin.ip) await deps.limiter.consume("password.change.ip", origin.ip);
  await deps.limiter.consume("password.change.account", actor.userId);
  const user = await findUserById(deps.db, actor.userId);
  if (!user) throw notFound("user.not_found", "Account not found");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw invalidField("currentPassword", "auth.wrong_password", "Current password is wrong");
  }
  await deps.limiter.reset("password.change.account", actor.userId);
  if (input.currentPassword === input.newPassword) {
    throw invalidField(
      "newPassword",
      "auth.same_password",
      "Choose a password different from the current one",
    );
  }
  const passwordHash = await hashPassword(input.newPassword, deps.auth.bcryptCost);
  const now = deps.now();
  const { signedOut, emailId } = await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    const signedOut = await revokeSessions(
      tx,
      { userId: user.id, exceptSessionId: actor.sessionId },
      "password_changed",
      now,
    );
    // A remembered device skipped the second factor on the old password's word.
    await revokeTrustedDevices(tx, user.id, now);
    const emailId = await queueEmail(tx, {
      to: user.email,
      template: "password_changed",
      payload: { name: user.name, resetUrl: `${deps.urls.customer}/forgot-password` },
    });
    return { signedOut, emailId };
  });
  await dispatchEmails(deps, [emailId]);
  return { ok: true, signedOutSessions: signedOut };
}
