import { type Database, passwordResets } from "@bazaar/db";
import { type AcceptedDto, RequestPasswordResetInput } from "@bazaar/schemas";
import { and, eq, isNull } from "drizzle-orm";
import { dispatchEmails, queueEmail } from "../notifications";
import type { Deps, Origin } from "../platform/deps";
import { newOpaqueToken, RESET_TTL_MS, sha256 } from "./credentials";
import { findUserByEmail } from "./queries";

/** Emails a single-use reset link. The answer never says whether the account exists. */
export async function requestPasswordReset(
  deps: Deps,
  origin: Origin,
  raw: RequestPasswordResetInput,
): Promise<AcceptedDto> {
  const input = RequestPasswordResetInput.parse(raw);
  if (origin.ip) await deps.limiter.consume("reset.request.ip", origin.ip);
  await deps.limiter.consume("reset.request.account", input.email);
  const emailIds = await deps.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (user?.status !== "active") return [];
    return [await issueResetLink(deps, tx, user, "password_reset")];
  });
  await dispatchEmails(deps, emailIds);
  return {
    ok: true,
    message: `If an account exists for ${input.email}, a reset link is on its way. It works once, for 15 minutes.`,
  };
}

/** Writes a single-use reset link (only the newest works) and queues its email; returns the email's id. */
export async function issueResetLink(
  deps: Pick<Deps, "now" | "urls">,
  tx: Database,
  user: { id: string; email: string; name: string },
  template: "password_reset" | "choose_password",
): Promise<string> {
  const now = deps.now();
  await tx
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
  const token = newOpaqueToken();
  await tx.insert(passwordResets).values({
    userId: user.id,
    tokenHash: sha256(token),
    expiresAt: new Date(now.getTime() + RESET_TTL_MS),
    createdAt: now,
  });
  return queueEmail(tx, {
    to: user.email,
    template,
    payload: { name: user.name, url: `${deps.urls.customer}/reset-password?token=${token}` },
  });
}
