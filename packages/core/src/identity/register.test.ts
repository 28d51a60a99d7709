import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing";
import { login } from "./login";
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
    const fresh = await signup("new-person@example.com");
    const dup = await signup("neha@example.com", "another-pass-2");
    expect(dup).toEqual({
      ...fresh,
      message: fresh.message.replace("new-person@example.com", "neha@example.com"),
    });
    const mail = await t.lastEmailTo("neha@example.com");
    expect(mail.subject).toBe("Someone tried to sign up with your email");
    expect(mail.text).not.toMatch(/\b\d{6}\b/);
    // The owner's password is untouched.
    await login(t.deps, origin, { email: "neha@example.com", password: "correct-horse-1" });
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
