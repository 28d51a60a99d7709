import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUserStatus } from "../admin/set-user-status";
import { createTestContext, signInForTest as login, type TestContext } from "../testing";
import { authenticate } from "./authenticate";
import { changePassword } from "./change-password";
import { createVerifiedUser } from "./create-user";
import { listSessions } from "./list-sessions";
import { logout } from "./logout";
import { refreshSession } from "./refresh-session";
import { revokeSession } from "./revoke-session";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const phone = { ip: "198.51.100.1", userAgent: "Bazaar iOS" };
const laptop = { ip: "198.51.100.2", userAgent: "Firefox" };
let n = 0;
async function newUser(role: "customer" | "admin" = "customer") {
  const email = `user${++n}@example.com`;
  const user = await createVerifiedUser(t.deps, { email, name: `User ${n}`, password: "s3cret-pass", role });
  return { ...user, password: "s3cret-pass" };
}
const signIn = (u: { email: string; password: string }, origin = laptop) =>
  login(t.deps, origin, { email: u.email, password: u.password });

describe("login", () => {
  it("issues a 15-minute access token that authenticates the session", async () => {
    const u = await newUser();
    const s = await signIn(u);
    // Measured on the context's clock, which another test may have moved on.
    const lifetime = s.accessTokenExpiresAt.getTime() - t.deps.now().getTime();
    expect(lifetime).toBeGreaterThan(14 * 60 * 1000);
    expect(lifetime).toBeLessThanOrEqual(15 * 60 * 1000);
    const actor = await authenticate(t.deps, s.accessToken);
    expect(actor).toEqual({ userId: u.id, role: "customer", sessionId: s.sessionId });
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const u = await newUser();
    const a = await signIn({ email: u.email, password: "wrong-pass-1" }).catch((e) => e);
    const b = await signIn({ email: "ghost@example.com", password: "wrong-pass-1" }).catch((e) => e);
    expect(a).toMatchObject({ code: "UNAUTHORIZED", reason: "auth.invalid_credentials" });
    expect(b).toMatchObject({ code: "UNAUTHORIZED", reason: "auth.invalid_credentials", message: a.message });
  });

  it("refuses an expired or forged access token", async () => {
    const u = await newUser();
    const s = await signIn(u);
    const [h, p] = s.accessToken.split(".");
    await expect(authenticate(t.deps, `${h}.${p}.forged-signature`)).rejects.toMatchObject({
      reason: "auth.token_invalid",
    });
    t.advance(15 * 60 * 1000 + 1000);
    await expect(authenticate(t.deps, s.accessToken)).rejects.toMatchObject({ reason: "auth.token_invalid" });
  });
});

describe("refresh rotation", () => {
  it("rotates: the new token works, the old one is dead", async () => {
    const u = await newUser();
    const s = await signIn(u);
    const r1 = await refreshSession(t.deps, laptop, s.refreshToken);
    expect(r1.refreshToken).not.toBe(s.refreshToken);
    expect(r1.sessionId).toBe(s.sessionId);
    await authenticate(t.deps, r1.accessToken);
    const r2 = await refreshSession(t.deps, laptop, r1.refreshToken);
    expect(r2.user.id).toBe(u.id);
  });

  it("revokes the whole family when a rotated token is presented again", async () => {
    const u = await newUser();
    const s = await signIn(u);
    const r1 = await refreshSession(t.deps, laptop, s.refreshToken);
    // A thief replays the stolen, already-used token.
    await expect(refreshSession(t.deps, phone, s.refreshToken)).rejects.toMatchObject({
      reason: "auth.refresh_reused",
    });
    // The legitimate holder is signed out too: its token and its access token are dead.
    await expect(refreshSession(t.deps, laptop, r1.refreshToken)).rejects.toMatchObject({
      reason: "auth.refresh_invalid",
    });
    await expect(authenticate(t.deps, r1.accessToken)).rejects.toMatchObject({
      reason: "auth.session_ended",
    });
  });

  it("lets exactly one of two concurrent refreshes of the same token win", async () => {
    const u = await newUser();
    const s = await signIn(u);
    const results = await Promise.allSettled([
      refreshSession(t.deps, laptop, s.refreshToken),
      refreshSession(t.deps, laptop, s.refreshToken),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { reason: "auth.refresh_reused" },
    });
  });

  it("refuses an unknown or missing token", async () => {
    await expect(refreshSession(t.deps, laptop, "x".repeat(43))).rejects.toMatchObject({
      reason: "auth.refresh_invalid",
    });
    await expect(refreshSession(t.deps, laptop, undefined)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("sessions", () => {
  it("lists devices with the current one marked, and revokes one", async () => {
    const u = await newUser();
    const onPhone = await signIn(u, phone);
    const onLaptop = await signIn(u, laptop);
    const actor = await authenticate(t.deps, onLaptop.accessToken);
    const list = await listSessions(t.deps, actor);
    expect(list).toHaveLength(2);
    expect(list.find((s) => s.current)).toMatchObject({
      id: onLaptop.sessionId,
      userAgent: "Firefox",
      ip: laptop.ip,
    });
    await revokeSession(t.deps, actor, { sessionId: onPhone.sessionId });
    await expect(authenticate(t.deps, onPhone.accessToken)).rejects.toMatchObject({
      reason: "auth.session_ended",
    });
    expect(await listSessions(t.deps, actor)).toHaveLength(1);
  });

  it("does not let one user revoke another user's session", async () => {
    const a = await newUser();
    const b = await newUser();
    const sa = await signIn(a);
    const sb = await signIn(b);
    const actorA = await authenticate(t.deps, sa.accessToken);
    await expect(revokeSession(t.deps, actorA, { sessionId: sb.sessionId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await authenticate(t.deps, sb.accessToken);
  });

  it("logout kills the session at once", async () => {
    const u = await newUser();
    const s = await signIn(u);
    await logout(t.deps, { refreshToken: s.refreshToken });
    await expect(authenticate(t.deps, s.accessToken)).rejects.toMatchObject({ reason: "auth.session_ended" });
    await expect(refreshSession(t.deps, laptop, s.refreshToken)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("changing the password signs out the other devices but not this one", async () => {
    const u = await newUser();
    const other = await signIn(u, phone);
    const here = await signIn(u, laptop);
    const actor = await authenticate(t.deps, here.accessToken);
    await expect(
      changePassword(t.deps, actor, { currentPassword: "wrong-one-1", newPassword: "brand-new-pass-9" }),
    ).rejects.toMatchObject({
      reason: "auth.wrong_password",
      details: { fieldErrors: { currentPassword: expect.any(Array) } },
    });
    const res = await changePassword(t.deps, actor, {
      currentPassword: u.password,
      newPassword: "brand-new-pass-9",
    });
    expect(res.signedOutSessions).toBe(1);
    await authenticate(t.deps, here.accessToken);
    await expect(authenticate(t.deps, other.accessToken)).rejects.toMatchObject({
      reason: "auth.session_ended",
    });
    await signIn({ email: u.email, password: "brand-new-pass-9" });
    await expect(signIn(u)).rejects.toMatchObject({ reason: "auth.invalid_credentials" });
    expect((await t.lastEmailTo(u.email)).subject).toMatch(/password was changed/);
  });
});

describe("account status", () => {
  it("a suspended user's access token stops working at once and login is refused", async () => {
    const admin = await newUser("admin");
    const adminActor = await authenticate(t.deps, (await signIn(admin)).accessToken);
    const u = await newUser();
    const s = await signIn(u);
    await authenticate(t.deps, s.accessToken);
    await setUserStatus(t.deps, adminActor, {
      userId: u.id,
      status: "suspended",
      reason: "chargeback fraud",
    });
    await expect(authenticate(t.deps, s.accessToken)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(refreshSession(t.deps, laptop, s.refreshToken)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(signIn(u)).rejects.toMatchObject({ code: "FORBIDDEN", reason: "auth.account_suspended" });
    expect((await t.lastEmailTo(u.email)).subject).toBe("Your Bazaar account is suspended");

    await setUserStatus(t.deps, adminActor, { userId: u.id, status: "active", reason: "cleared" });
    await signIn(u);
  });

  it("an admin cannot change their own status", async () => {
    const admin = await newUser("admin");
    const actor = await authenticate(t.deps, (await signIn(admin)).accessToken);
    await expect(
      setUserStatus(t.deps, actor, { userId: admin.id, status: "suspended", reason: "oops" }),
    ).rejects.toMatchObject({
      reason: "user.self_status",
    });
  });
});
