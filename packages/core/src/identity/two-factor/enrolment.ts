import { type Database, totpFactors, type users } from "@bazaar/db";
import type { TwoFactorEnrolmentDto } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import { conflict, invalidField, invalidState } from "../../errors";
import { queueEmail } from "../../notifications";
import { audit } from "../../platform/audit";
import type { Deps } from "../../platform/deps";
import { qrCodes } from "../../platform/qr";
import { replaceRecoveryCodes } from "./recovery-codes";
import { acceptTotpCode, newTotpSecret, TOTP_ISSUER, totpFor, totpSecrets } from "./totp";

/**
 * A fresh secret for the user, kept sealed and unconfirmed until a code from it comes back;
 * starting again replaces an unconfirmed one (a lost QR), never a confirmed factor.
 */
export async function beginEnrolment(
  deps: Pick<Deps, "auth" | "now">,
  db: Database,
  user: typeof users.$inferSelect,
): Promise<TwoFactorEnrolmentDto> {
  const now = deps.now();
  const [current] = await db.select().from(totpFactors).where(eq(totpFactors.userId, user.id));
  if (current?.confirmedAt)
    throw conflict("two_factor.already_enabled", "Two-factor authentication is already on");
  const secret = newTotpSecret();
  const secretSealed = totpSecrets.seal(deps, secret);
  await db
    .insert(totpFactors)
    .values({ userId: user.id, secretSealed, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: totpFactors.userId,
      set: { secretSealed, lastStep: null, confirmedAt: null, createdAt: now, updatedAt: now },
    });
  const otpauthUri = totpFor(secret, user.email).toString();
  return {
    secret,
    otpauthUri,
    qrDataUrl: await (await qrCodes()).toDataURL(otpauthUri, {
      errorCorrectionLevel: "M",
      margin: 1,
      width: 240,
    }),
    issuer: TOTP_ISSUER,
    accountName: user.email,
  };
}

/**
 * Confirms the enrolment with a code from the app (proof the secret arrived), then issues
 * 10 recovery codes, audits it and emails the account. Returns the codes and the id of the
 * email to dispatch after commit.
 */
export async function confirmEnrolment(
  deps: Pick<Deps, "auth" | "now" | "urls">,
  db: Database,
  user: typeof users.$inferSelect,
  code: string,
): Promise<{ recoveryCodes: string[]; emailId: string }> {
  const now = deps.now();
  const [factor] = await db.select().from(totpFactors).where(eq(totpFactors.userId, user.id)).for("update");
  if (!factor)
    throw invalidState("two_factor.not_started", "Start setting up two-factor authentication first");
  if (factor.confirmedAt)
    throw conflict("two_factor.already_enabled", "Two-factor authentication is already on");
  if (!(await acceptTotpCode(deps, db, factor, code, now, { confirm: true })))
    throw invalidField("code", "auth.second_factor_invalid", "That code is wrong or was already used");
  const recoveryCodes = await replaceRecoveryCodes(db, user.id, now);
  await audit(db, {
    actorId: user.id,
    actorRole: user.role,
    action: "two_factor.enabled",
    targetType: "user",
    targetId: user.id,
  });
  const emailId = await queueEmail(db, {
    to: user.email,
    template: "two_factor_enabled",
    payload: { name: user.name, url: securityUrl(deps, user.role) },
  });
  return { recoveryCodes, emailId };
}

/** Where each role manages its sign-in security, for the links in security emails. */
export const securityUrl = (deps: Pick<Deps, "urls">, role: string) =>
  `${role === "admin" ? deps.urls.admin : role === "seller" ? deps.urls.seller : deps.urls.customer}/account/security`;
