import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, signInForTest as login, rejects, type TestContext } from "../testing";
import { register } from "./register";
import { resendOtp } from "./resend-otp";
import { verifyEmail } from "./verify-email";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const origin = { ip: "203.0.113.7", userAgent: "vitest" };
const signup = (email: string, password = "correct-horse-1") =>
  register(t.deps, origin, { email, password, name: "Neha Rao", phone: "98765 43210" });
const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@example.com`;

describe("register and verify email", () => {
  it("emails a 6-digit code and activates the account with it, signed in", async () => {
    const res = await signup("Neha@Example.com ");
    expect(res.ok).toBe(true);
    const mail = await t.lastEmailTo("neha@example.com");
    expect(mail.subject).toMatch(/verification code/);
    expect(mail.html).toContain("verification code");
    const code = await t.otpFor("neha@example.com");
    expect(code).toMatch(/^\d{6}$/);

    await expect(
      login(t.deps, origin, { email: "neha@example.com", password: "correct-horse-1" }),
    ).rejects.toMatchObject({
      reason: "auth.email_not_verified",
    });

    const signedIn = await verifyEmail(t.deps, origin, { email: "neha@example.com", code });
    expect(signedIn.user).toMatchObject({
      email: "neha@example.com",
      emailVerified: true,
      role: "customer",
      phone: "+919876543210",
    });
    expect(signedIn.accessToken.split(".")).toHaveLength(3);
    expect((await t.lastEmailTo("neha@example.com")).subject).toBe("Welcome to Bazaar");

    const again = await login(t.deps, origin, { email: "neha@example.com", password: "correct-horse-1" });
    expect(again.user.id).toBe(signedIn.user.id);
  });

  it("answers a duplicate signup exactly like a new one, and tells the owner instead", async () => {
    const owner = unique("owner");
    await signup(owner);
    await verifyEmail(t.deps, origin, { email: owner, code: await t.otpFor(owner) });
    const newcomer = unique("new-person");
    const fresh = await signup(newcomer);
    const dup = await signup(owner, "another-pass-2");
    expect(dup).toEqual({ ...fresh, message: fresh.message.replace(newcomer, owner) });
    const mail = await t.lastEmailTo(owner);
    expect(mail.subject).toBe("Someone tried to sign up with your email");
    expect(mail.text).not.toMatch(/\b\d{6}\b/);
    // The owner's password is untouched.
    await login(t.deps, origin, { email: owner, password: "correct-horse-1" });
  });

  it("refuses weak passwords with a field error", async () => {
    for (const password of ["short1", "lettersonly", "12345678", "password123"]) {
      await expect(signup("weak@example.com", password)).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: ["password"] })],
      });
    }
  });

  it("refuses a wrong code, counting the tries, and kills the code after 5", async () => {
    await signup("tries@example.com");
    const code = await t.otpFor("tries@example.com");
    const wrong = code === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) {
      await expect(
        verifyEmail(t.deps, origin, { email: "tries@example.com", code: wrong }),
      ).rejects.toMatchObject({
        reason: "auth.otp_invalid",
        details: expect.objectContaining({ attemptsLeft: left }),
      });
    }
    await expect(
      verifyEmail(t.deps, origin, { email: "tries@example.com", code: wrong }),
    ).rejects.toMatchObject({
      reason: "auth.otp_exhausted",
    });
    // Even the right code is dead now.
    await expect(verifyEmail(t.deps, origin, { email: "tries@example.com", code })).rejects.toMatchObject({
      reason: "auth.otp_exhausted",
    });
  });

  it("refuses an expired code", async () => {
    await signup("late@example.com");
    const code = await t.otpFor("late@example.com");
    t.advance(10 * 60 * 1000 + 1000);
    await expect(verifyEmail(t.deps, origin, { email: "late@example.com", code })).rejects.toMatchObject({
      reason: "auth.otp_expired",
      code: "VALIDATION",
    });
  });

  it("resends a fresh code only after a 60-second cooldown, and the old code dies", async () => {
    await signup("resend@example.com");
    const first = await t.otpFor("resend@example.com");
    await expect(resendOtp(t.deps, { email: "resend@example.com" })).rejects.toMatchObject({
      code: "RATE_LIMITED",
      details: { retryAfterSeconds: expect.any(Number) },
    });
    // The limiter keeps wall-clock time; forgetting the attempt stands in for waiting 60 s.
    await t.deps.limiter.reset("otp.send.cooldown", "resend@example.com");
    await resendOtp(t.deps, { email: "resend@example.com" });
    const second = await t.otpFor("resend@example.com");
    if (first !== second) {
      await expect(
        verifyEmail(t.deps, origin, { email: "resend@example.com", code: first }),
      ).rejects.toMatchObject({
        reason: "auth.otp_invalid",
      });
    }
    const ok = await verifyEmail(t.deps, origin, { email: "resend@example.com", code: second });
    expect(ok.user.emailVerified).toBe(true);
  });

  it("answers resend for an unknown email the same way, sending nothing", async () => {
    await t.drain();
    const before = t.smtp.received.length;
    const res = await resendOtp(t.deps, { email: "nobody@example.com" });
    expect(res.ok).toBe(true);
    await t.drain();
    expect(t.smtp.received.length).toBe(before);
  });
});

/**
 * Pre-verification takeover: a stranger signs up with someone else's address, before or
 * after its owner. Whoever proves the inbox must never end up in an account whose password
 * the stranger knows.
 */
describe("a repeat sign-up before verification", () => {
  it("never takes the stranger's password when they sign up after the owner", async () => {
    const email = unique("owner-first");
    await signup(email, "owners-pass-1");
    await register(t.deps, origin, { email, password: "strangers-pass-1", name: "Stranger" });
    const code = await t.otpFor(email);
    const signedIn = await verifyEmail(t.deps, origin, { email, code });
    expect(signedIn.user.name).toBe("Neha Rao");
    expect(signedIn.passwordSetRequired).toBe(true);
    for (const password of ["strangers-pass-1", "owners-pass-1"])
      expect((await rejects(login(t.deps, origin, { email, password }))).reason).toBe(
        "auth.invalid_credentials",
      );
    // The owner, signed in by the code, is emailed a link to choose a password (beside the
    // welcome email, written in the same transaction).
    const subjects = (await t.emailsTo(email)).map((m) => m.subject);
    expect(subjects).toContain("Choose your Bazaar password");
  });

  it("never takes the stranger's password when they sign up before the owner", async () => {
    const email = unique("stranger-first");
    await register(t.deps, origin, { email, password: "strangers-pass-1", name: "Stranger" });
    await signup(email, "owners-pass-1");
    const code = await t.otpFor(email);
    const signedIn = await verifyEmail(t.deps, origin, { email, code });
    expect(signedIn.passwordSetRequired).toBe(true);
    expect((await rejects(login(t.deps, origin, { email, password: "strangers-pass-1" }))).reason).toBe(
      "auth.invalid_credentials",
    );
  });

  it("keeps the password when the same person signs up again with it", async () => {
    const email = unique("twice");
    await signup(email, "same-pass-1");
    await register(t.deps, origin, { email, password: "same-pass-1", name: "Someone Else" });
    const signedIn = await verifyEmail(t.deps, origin, { email, code: await t.otpFor(email) });
    expect(signedIn.passwordSetRequired).toBeUndefined();
    expect(signedIn.user.name).toBe("Neha Rao");
    expect((await login(t.deps, origin, { email, password: "same-pass-1" })).user.id).toBe(signedIn.user.id);
  });
});

describe("a wrong code", () => {
  it("gets the same answers for an address with no sign-up pending as for a real one", async () => {
    const real = `pending-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const ghost = `ghost-${Math.random().toString(36).slice(2, 8)}@example.com`;
    await signup(real);
    const code = await t.otpFor(real);
    const wrong = code === "000000" ? "111111" : "000000";
    const answers = async (email: string) => {
      const out = [];
      for (let i = 0; i < 6; i++) {
        const e = await rejects(verifyEmail(t.deps, origin, { email, code: wrong }));
        out.push({ code: e.code, reason: e.reason, details: e.details });
      }
      return out;
    };
    const [forReal, forGhost] = [await answers(real), await answers(ghost)];
    expect(forGhost).toEqual(forReal);
    expect(forReal.map((a) => a.reason)).toEqual([
      ...Array(4).fill("auth.otp_invalid"),
      "auth.otp_exhausted",
      "auth.otp_exhausted",
    ]);
  });
});
