import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, signInForTest as login, type TestContext } from "../testing";
import { authenticate } from "./authenticate";
import { createVerifiedUser } from "./create-user";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const origin = { ip: "192.0.2.10", userAgent: "vitest" };

describe("password reset", () => {
  it("answers the same whether or not the account exists, and emails only a real one", async () => {
    await createVerifiedUser(t.deps, {
      email: "real@example.com",
      name: "Real",
      password: "old-pass-123",
      role: "customer",
    });
    const real = await requestPasswordReset(t.deps, origin, { email: "real@example.com" });
    const ghost = await requestPasswordReset(t.deps, origin, { email: "ghost@example.com" });
    expect(ghost.message.replace("ghost", "real")).toBe(real.message);
    await t.drain();
    expect(t.smtp.received.filter((m) => m.to === "ghost@example.com")).toHaveLength(0);
    expect((await t.lastEmailTo("real@example.com")).text).toContain(
      "http://customer.test/reset-password?token=",
    );
  });

  it("sets the new password once, signs out every session, and refuses the token a second time", async () => {
    await createVerifiedUser(t.deps, {
      email: "once@example.com",
      name: "Once",
      password: "old-pass-123",
      role: "customer",
    });
    const session = await login(t.deps, origin, { email: "once@example.com", password: "old-pass-123" });
    await requestPasswordReset(t.deps, origin, { email: "once@example.com" });
    const token = await t.resetTokenFor("once@example.com");

    await resetPassword(t.deps, origin, { token, newPassword: "new-pass-456" });
    await expect(authenticate(t.deps, session.accessToken)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await login(t.deps, origin, { email: "once@example.com", password: "new-pass-456" });

    await expect(
      resetPassword(t.deps, origin, { token, newPassword: "third-pass-789" }),
    ).rejects.toMatchObject({
      reason: "auth.reset_token_invalid",
      details: { fieldErrors: { token: expect.any(Array) } },
    });
    await login(t.deps, origin, { email: "once@example.com", password: "new-pass-456" });
  });

  it("lets only one of two concurrent uses of a token succeed", async () => {
    await createVerifiedUser(t.deps, {
      email: "race@example.com",
      name: "Race",
      password: "old-pass-123",
      role: "customer",
    });
    await requestPasswordReset(t.deps, origin, { email: "race@example.com" });
    const token = await t.resetTokenFor("race@example.com");
    const results = await Promise.allSettled([
      resetPassword(t.deps, origin, { token, newPassword: "winner-pass-1" }),
      resetPassword(t.deps, origin, { token, newPassword: "loser-pass-22" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a token after 15 minutes", async () => {
    await createVerifiedUser(t.deps, {
      email: "slow@example.com",
      name: "Slow",
      password: "old-pass-123",
      role: "customer",
    });
    await requestPasswordReset(t.deps, origin, { email: "slow@example.com" });
    const token = await t.resetTokenFor("slow@example.com");
    t.advance(15 * 60 * 1000 + 1);
    await expect(resetPassword(t.deps, origin, { token, newPassword: "new-pass-456" })).rejects.toMatchObject(
      {
        reason: "auth.reset_token_invalid",
      },
    );
    await login(t.deps, origin, { email: "slow@example.com", password: "old-pass-123" });
  });

  it("only the newest link works", async () => {
    await createVerifiedUser(t.deps, {
      email: "twice@example.com",
      name: "Twice",
      password: "old-pass-123",
      role: "customer",
    });
    await requestPasswordReset(t.deps, origin, { email: "twice@example.com" });
    const first = await t.resetTokenFor("twice@example.com");
    await requestPasswordReset(t.deps, origin, { email: "twice@example.com" });
    const second = await t.resetTokenFor("twice@example.com");
    await expect(
      resetPassword(t.deps, origin, { token: first, newPassword: "new-pass-456" }),
    ).rejects.toMatchObject({
      reason: "auth.reset_token_invalid",
    });
    await resetPassword(t.deps, origin, { token: second, newPassword: "new-pass-456" });
  });
});
