import { passwordResets, users } from "@bazaar/db";
import { ResetPasswordInput } from "@bazaar/schemas";
import { and, eq, gt, isNull } from "drizzle-orm";
import { invalidField } from "../errors";
import { dispatchEmails, queueEmail } from "../notifications";
import type { Deps, Origin } from "../platform/deps";
import { hashPassword, sha256 } from "./credentials";
import { revokeSessions } from "./sessions";
import { revokeTrustedDevices } from "./two-factor/trusted-devices";

const invalidLink = () =>
  invalidField(
    "token",
    "auth.reset_token_invalid",
    "This reset link is invalid, used or expired. Ask for a new one.",
  );

/**
 * Sets a new password from a reset link. The token is claimed with a conditional update,
 * so two concurrent uses cannot both succeed. Every session is signed out: a reset
 * usually means the old password is no longer trusted.
 */
export async function resetPassword(
  deps: Deps,
  origin: Origin,
  raw: ResetPasswordInput,
): Promise<{ ok: true }> {
  const input = ResetPasswordInput.parse(raw);
  if (origin.ip) await deps.limiter.consume("reset.use.ip", origin.ip);
  const passwordHash = await hashPassword(input.newPassword, deps.auth.bcryptCost);
  const now = deps.now();
  const emailId = await deps.db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tokenHash, sha256(input.token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!claimed) throw invalidLink();
    const [user] = await tx.select().from(users).where(eq(users.id, claimed.userId));
    if (user?.status !== "active") throw invalidLink();
    // Following the emailed link proves the inbox, so an unverified account becomes verified.
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: now, emailVerifiedAt: user.emailVerifiedAt ?? now })
      .where(eq(users.id, user.id));
    await revokeSessions(tx, { userId: user.id }, "password_reset", now);
    await revokeTrustedDevices(tx, user.id, now);
    return queueEmail(tx, {
      to: user.email,
      template: "password_changed",
      payload: { name: user.name, resetUrl: `${deps.urls.customer}/forgot-password`, ip: origin.ip },
    });
  });
  await dispatchEmails(deps, [emailId]);
  return { ok: true };
}
