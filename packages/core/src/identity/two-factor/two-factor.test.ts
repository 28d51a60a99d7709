import { auditLog, signInChallenges, totpFactors } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, rejects, type TestContext, totpCode } from "../../testing";
import { authenticate } from "../authenticate";
import { changePassword } from "../change-password";
import { createVerifiedUser } from "../create-user";
import { login } from "../login";
import { confirmChallengeEnrolment, startChallengeEnrolment } from "./challenge-enrolment";
import { confirmTwoFactor } from "./confirm-two-factor";
import { disableTwoFactor } from "./disable-two-factor";
import { getTwoFactorStatus } from "./get-two-factor-status";
import { regenerateRecoveryCodes } from "./regenerate-recovery-codes";
import { startTwoFactor } from "./start-two-factor";
import { listTrustedDevices } from "./trusted-device-list";
import { verifySecondFactor } from "./verify-second-factor";

let t: TestContext;
beforeAll(async () => {
  // Many sign-ins from one address in a few seconds: only the per-account second-factor limit matters here.
  t = await createTestContext({ limits: { "login.ip": { points: 10_000, duration: 60 } } });
});
afterAll(() => t.close());

const PASSWORD = "s3cret-pass-1";
const origin = { ip: "198.51.100.7", userAgent: "Firefox" };
let n = 0;

async function account(role: "customer" | "seller" | "admin" = "customer") {
  const email = `tf${++n}-${Date.now()}@example.com`;
  const user = await createVerifiedUser(t.deps, { email, name: `Two Factor ${n}`, password: PASSWORD, role });
  const signIn = async (o: typeof origin & { trustedDevice?: string | null } = origin) =>
    login(t.deps, o, { email, password: PASSWORD });
  const first = await signIn();
  if (first.status !== "signed_in") throw new Error("a fresh non-admin signs in with the password");
  const actor = await authenticate(t.deps, first.accessToken);
  return { user, email, actor, signIn };
}

/** Turns 2FA on as the settings page does: start, scan, confirm with the app's code. */
async function enrolled(role: "customer" | "seller" = "customer") {
  const a = await account(role);
  const { secret } = await startTwoFactor(t.deps, a.actor);
  const { recoveryCodes } = await confirmTwoFactor(t.deps, a.actor, { code: totpCode(secret, t.deps.now()) });
  return { ...a, secret, recoveryCodes };
}

/** The next 30-second step's code: the current one was used up by the enrolment. */
const nextCode = (secret: string) => totpCode(secret, new Date(t.deps.now().getTime() + 30_000));

async function challenge(a: { signIn: () => ReturnType<typeof login> }) {
  const r = await a.signIn();
  if (r.status !== "second_factor_required") throw new Error("expected a challenge");
  return r;
}

describe("enrolment", () => {
  it("gives a secret, an otpauth URI and a QR image, and is on only once a code confirms it", async () => {
    const a = await account();
    const e = await startTwoFactor(t.deps, a.actor);
    expect(e.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(e.otpauthUri).toContain(`secret=${e.secret}`);
    expect(e.otpauthUri).toContain("issuer=Bazaar");
    expect(e.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await getTwoFactorStatus(t.deps, a.actor)).enabled).toBe(false);
    // Not confirmed yet: the password alone still signs in.
    expect((await a.signIn()).status).toBe("signed_in");

    const wrong = await rejects(confirmTwoFactor(t.deps, a.actor, { code: "000000" }));
    expect(wrong).toMatchObject({ code: "VALIDATION", reason: "auth.second_factor_invalid" });

    const { recoveryCodes } = await confirmTwoFactor(t.deps, a.actor, {
      code: totpCode(e.secret, t.deps.now()),
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(recoveryCodes[0]).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await getTwoFactorStatus(t.deps, a.actor)).toMatchObject({
      enabled: true,
      required: false,
      recoveryCodesLeft: 10,
    });
    const mail = await t.emailsTo(a.email);
    expect(mail.map((m) => m.subject)).toContain("Two-factor authentication is on");
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, a.user.id), eq(auditLog.action, "two_factor.enabled")));
    expect(entries).toHaveLength(1);
  });

  it("keeps the secret sealed, never in the clear", async () => {
    const a = await enrolled();
    const [row] = await t.deps.db.select().from(totpFactors).where(eq(totpFactors.userId, a.user.id));
    expect(row!.secretSealed).not.toContain(a.secret);
  });

  it("cannot be started over while it is on", async () => {
    const a = await enrolled();
    const e = await rejects(startTwoFactor(t.deps, a.actor));
    expect(e).toMatchObject({ code: "CONFLICT", reason: "two_factor.already_enabled" });
  });
});

describe("signing in with a second factor", () => {
  it("gives no session for the password alone, and one for the password and a code", async () => {
    const a = await enrolled();
    const c = await challenge(a);
    expect(c.enrolmentRequired).toBe(false);
    expect(c).not.toHaveProperty("accessToken");
    expect(c.expiresAt.getTime() - t.deps.now().getTime()).toBeLessThanOrEqual(10 * 60_000);
    const s = await verifySecondFactor(t.deps, origin, {
      challengeToken: c.challengeToken,
      code: nextCode(a.secret),
    });
    if (s.status !== "signed_in") throw new Error("expected a session");
    expect((await authenticate(t.deps, s.accessToken)).userId).toBe(a.user.id);
  });

  it("refuses a wrong code, and the same code twice (even on a new challenge)", async () => {
    const a = await enrolled();
    const c1 = await challenge(a);
    const wrong = await rejects(
      verifySecondFactor(t.deps, origin, { challengeToken: c1.challengeToken, code: "123456" }),
    );
    expect(wrong).toMatchObject({ code: "VALIDATION", reason: "auth.second_factor_invalid" });
    const code = nextCode(a.secret);
    await verifySecondFactor(t.deps, origin, { challengeToken: c1.challengeToken, code });
    const c2 = await challenge(a);
    const replay = await rejects(
      verifySecondFactor(t.deps, origin, { challengeToken: c2.challengeToken, code }),
    );
    expect(replay).toMatchObject({ code: "VALIDATION", reason: "auth.second_factor_invalid" });
  });

  it("uses a challenge once", async () => {
    const a = await enrolled();
    const c = await challenge(a);
    await verifySecondFactor(t.deps, origin, { challengeToken: c.challengeToken, code: nextCode(a.secret) });
    const again = await rejects(
      verifySecondFactor(t.deps, origin, {
        challengeToken: c.challengeToken,
        code: totpCode(a.secret, new Date(t.deps.now().getTime() + 60_000)),
      }),
    );
    expect(again).toMatchObject({ code: "UNAUTHORIZED", reason: "auth.challenge_invalid" });
  });

  it("ends a challenge after 5 wrong codes, even for the right one", async () => {
    const a = await enrolled();
    const c = await challenge(a);
    for (let i = 0; i < 5; i++)
      await rejects(verifySecondFactor(t.deps, origin, { challengeToken: c.challengeToken, code: "000000" }));
    const e = await rejects(
      verifySecondFactor(t.deps, origin, { challengeToken: c.challengeToken, code: nextCode(a.secret) }),
    );
    expect(e).toMatchObject({ code: "UNAUTHORIZED", reason: "auth.challenge_invalid" });
    const [row] = await t.deps.db
      .select({ attempts: signInChallenges.attempts })
      .from(signInChallenges)
      .where(eq(signInChallenges.userId, a.user.id));
    expect(row!.attempts).toBe(5);
  });

  it("limits wrong codes per account, however many challenges they are spread over", async () => {
    const a = await enrolled();
    for (let round = 0; round < 2; round++) {
      const c = await challenge(a);
      for (let i = 0; i < 5; i++)
        await rejects(
          verifySecondFactor(t.deps, origin, { challengeToken: c.challengeToken, code: "000000" }),
        );
    }
    const c = await challenge(a);
    const e = await rejects(
      verifySecondFactor(t.deps, origin, { challengeToken: c.challengeToken, code: nextCode(a.secret) }),
    );
    expect(e).toMatchObject({ code: "RATE_LIMITED" });
  });

  it("lets a challenge expire after 10 minutes", async () => {
    const a = await enrolled();
    const c = await challenge(a);
    t.advance(10 * 60_000 + 1000);
    const e = await rejects(
      verifySecondFactor(t.deps, origin, {
        challengeToken: c.challengeToken,
        code: totpCode(a.secret, t.deps.now()),
      }),
    );
    expect(e).toMatchObject({ code: "UNAUTHORIZED", reason: "auth.challenge_invalid" });
  });

  it("accepts each recovery code once, audits and emails its use", async () => {
    const a = await enrolled();
    const [first, second] = a.recoveryCodes;
    const c1 = await challenge(a);
    const s = await verifySecondFactor(t.deps, origin, {
      challengeToken: c1.challengeToken,
      recoveryCode: first!.toUpperCase().replaceAll("-", " "),
    });
    expect(s.status).toBe("signed_in");
    const c2 = await challenge(a);
    const reused = await rejects(
      verifySecondFactor(t.deps, origin, { challengeToken: c2.challengeToken, recoveryCode: first! }),
    );
    expect(reused).toMatchObject({ code: "VALIDATION", reason: "auth.recovery_code_invalid" });
    await verifySecondFactor(t.deps, origin, { challengeToken: c2.challengeToken, recoveryCode: second! });
    expect((await getTwoFactorStatus(t.deps, a.actor)).recoveryCodesLeft).toBe(8);
    const mail = await t.emailsTo(a.email);
    expect(mail.filter((m) => m.subject === "A recovery code was used to sign in")).toHaveLength(2);
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, a.user.id), eq(auditLog.action, "two_factor.recovery_code_used")));
    expect(entries).toHaveLength(2);
  });

  it("does not take another account's recovery code", async () => {
    const a = await enrolled();
    const b = await enrolled();
    const c = await challenge(a);
    const e = await rejects(
      verifySecondFactor(t.deps, origin, {
        challengeToken: c.challengeToken,
        recoveryCode: b.recoveryCodes[0]!,
      }),
    );
    expect(e).toMatchObject({ reason: "auth.recovery_code_invalid" });
  });

  it("regenerated recovery codes replace the old ones", async () => {
    const a = await enrolled();
    const { recoveryCodes } = await regenerateRecoveryCodes(t.deps, a.actor, { password: PASSWORD });
    const c = await challenge(a);
    const old = await rejects(
      verifySecondFactor(t.deps, origin, {
        challengeToken: c.challengeToken,
        recoveryCode: a.recoveryCodes[0]!,
      }),
    );
    expect(old).toMatchObject({ reason: "auth.recovery_code_invalid" });
    const s = await verifySecondFactor(t.deps, origin, {
      challengeToken: c.challengeToken,
      recoveryCode: recoveryCodes[0]!,
    });
    expect(s.status).toBe("signed_in");
  });
});

describe("remembered devices", () => {
  it("skips the second factor for 30 days on the device that asked, not elsewhere", async () => {
    const a = await enrolled();
    const c = await challenge(a);
    const s = await verifySecondFactor(t.deps, origin, {
      challengeToken: c.challengeToken,
      code: nextCode(a.secret),
      rememberDevice: true,
    });
    if (s.status !== "signed_in" || !s.trustedDevice) throw new Error("expected a remembered device");
    const device = s.trustedDevice.token;
    expect((await a.signIn({ ...origin, trustedDevice: device })).status).toBe("signed_in");
    expect((await a.signIn()).status).toBe("second_factor_required");
    // Another account's device token counts for nothing.
    const b = await enrolled();
    expect((await b.signIn({ ...origin, trustedDevice: device })).status).toBe("second_factor_required");
    expect(await listTrustedDevices(t.deps, a.actor)).toHaveLength(1);
    t.advance(30 * 24 * 3600_000 + 60_000);
    expect((await a.signIn({ ...origin, trustedDevice: device })).status).toBe("second_factor_required");
  });

  it("are forgotten when 2FA is turned off, and the factor is then gone", async () => {
    const a = await enrolled();
    const c = await challenge(a);
    const s = await verifySecondFactor(t.deps, origin, {
      challengeToken: c.challengeToken,
      code: nextCode(a.secret),
      rememberDevice: true,
    });
    if (s.status !== "signed_in" || !s.trustedDevice) throw new Error("expected a remembered device");
    const wrong = await rejects(disableTwoFactor(t.deps, a.actor, { password: "not-it-1" }));
    expect(wrong).toMatchObject({ code: "VALIDATION", reason: "auth.wrong_password" });
    const off = await disableTwoFactor(t.deps, a.actor, { password: PASSWORD });
    expect(off).toEqual({ ok: true, revokedDevices: 1 });
    expect(await listTrustedDevices(t.deps, a.actor)).toHaveLength(0);
    expect((await a.signIn()).status).toBe("signed_in");
    const mail = await t.emailsTo(a.email);
    expect(mail.map((m) => m.subject)).toContain("Two-factor authentication was turned off");
    // Turned on again, the old device must pass the factor once more.
    const { secret } = await startTwoFactor(t.deps, a.actor);
    await confirmTwoFactor(t.deps, a.actor, { code: totpCode(secret, t.deps.now()) });
    expect((await a.signIn({ ...origin, trustedDevice: s.trustedDevice.token })).status).toBe(
      "second_factor_required",
    );
  });

  it("are forgotten when the password changes", async () => {
    const a = await enrolled();
    const c = await challenge(a);
    const s = await verifySecondFactor(t.deps, origin, {
      challengeToken: c.challengeToken,
      code: nextCode(a.secret),
      rememberDevice: true,
    });
    if (s.status !== "signed_in" || !s.trustedDevice) throw new Error("expected a remembered device");
    await changePassword(t.deps, a.actor, { currentPassword: PASSWORD, newPassword: "new-pass-word-2" });
    const again = await login(
      t.deps,
      { ...origin, trustedDevice: s.trustedDevice.token },
      {
        email: a.email,
        password: "new-pass-word-2",
      },
    );
    expect(again.status).toBe("second_factor_required");
  });
});

describe("admins", () => {
  it("must enrol before their first session, with the sign-in challenge only", async () => {
    const email = `admin${++n}-${Date.now()}@example.com`;
    await createVerifiedUser(t.deps, { email, name: "Asha Admin", password: PASSWORD, role: "admin" });
    const c = await login(t.deps, origin, { email, password: PASSWORD });
    if (c.status !== "second_factor_required")
      throw new Error("an admin gets no session on a password alone");
    expect(c.enrolmentRequired).toBe(true);
    // No factor to answer with: a code cannot get past this step.
    const early = await rejects(
      verifySecondFactor(t.deps, origin, { challengeToken: c.challengeToken, code: "000000" }),
    );
    expect(early).toMatchObject({ reason: "auth.challenge_invalid" });
    const { secret } = await startChallengeEnrolment(t.deps, { challengeToken: c.challengeToken });
    const s = await confirmChallengeEnrolment(t.deps, origin, {
      challengeToken: c.challengeToken,
      code: totpCode(secret, t.deps.now()),
    });
    if (s.status !== "signed_in") throw new Error("expected a session");
    expect(s.recoveryCodes).toHaveLength(10);
    const actor = await authenticate(t.deps, s.accessToken);
    expect(await getTwoFactorStatus(t.deps, actor)).toMatchObject({ enabled: true, required: true });
    // From now on the admin answers a code like anyone with a factor.
    const next = await login(t.deps, origin, { email, password: PASSWORD });
    expect(next).toMatchObject({ status: "second_factor_required", enrolmentRequired: false });
  });

  it("cannot use an enrolment challenge once a factor is confirmed", async () => {
    const a = await enrolled();
    const c = await challenge(a);
    const e = await rejects(startChallengeEnrolment(t.deps, { challengeToken: c.challengeToken }));
    expect(e).toMatchObject({ code: "UNAUTHORIZED", reason: "auth.challenge_invalid" });
  });
});
