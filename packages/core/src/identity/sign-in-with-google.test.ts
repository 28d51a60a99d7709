import { auditLog, otpCodes, signInChallenges, userIdentities, users } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type GoogleStub, rejects, startGoogleStub, type TestContext } from "../testing";
import { createVerifiedUser } from "./create-user";
import { login } from "./login";
import { register } from "./register";
import { signInWithGoogle } from "./sign-in-with-google";
import { verifyEmail } from "./verify-email";

let t: TestContext;
let google: GoogleStub;
const CLIENT_ID = "bazaar-test.apps.googleusercontent.com";
beforeAll(async () => {
  t = await createTestContext();
  google = await startGoogleStub({ clientId: CLIENT_ID, now: () => t.deps.now() });
  t.deps.google = { clientId: CLIENT_ID, jwksUrl: google.jwksUrl };
});
afterAll(async () => {
  await google.close();
  await t.close();
});

let ipCounter = 0;
/** Each test its own address, so the per-IP limit is only met where a test means it. */
const origin = () => ({ ip: `198.51.100.${++ipCounter}`, userAgent: "vitest" });
const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@example.com`;
const sub = () => String(100_000_000_000 + Math.floor(Math.random() * 1e11));

/** A sign-in's answer when it is a session (not a second-factor challenge). */
function session<T extends object>(res: T): Extract<T, { user: unknown }> {
  if (!("user" in res)) throw new Error(`expected a session, got ${JSON.stringify(res)}`);
  return res as Extract<T, { user: unknown }>;
}

/** Signs in with a token for `claims`; the session it ended in. */
async function signIn(claims: Parameters<GoogleStub["sign"]>[0] = {}, role?: "admin" | "customer") {
  const idToken = await google.sign(claims);
  return session(await signInWithGoogle(t.deps, origin(), { idToken, ...(role && { role }) }));
}

const identitiesOf = (userId: string) =>
  t.db.db.select().from(userIdentities).where(eq(userIdentities.userId, userId));
const userByEmail = async (email: string) =>
  (await t.db.db.select().from(users).where(eq(users.email, email)))[0];

describe("sign in with Google: the token", () => {
  it("a valid token signs a new person in as a verified customer with no usable password", async () => {
    const email = unique("new");
    const gsub = sub();
    const res = await signIn({ sub: gsub, email: email.toUpperCase(), name: "Asha Iyer" });
    expect(res.user).toMatchObject({ email, name: "Asha Iyer", role: "customer", emailVerified: true });
    expect(res.accessToken.split(".")).toHaveLength(3);
    expect(await identitiesOf(res.user.id)).toMatchObject([{ provider: "google", subject: gsub, email }]);
    expect((await t.lastEmailTo(email)).subject).toBe("Welcome to Bazaar");
    // No password was ever chosen: none works until a reset sets one.
    expect((await rejects(login(t.deps, origin(), { email, password: "Asha Iyer" }))).reason).toBe(
      "auth.invalid_credentials",
    );
  });

  it("accepts both spellings of Google's issuer and a clock a few seconds off", async () => {
    const now = Math.floor(t.deps.now().getTime() / 1000);
    await signIn({ iss: "accounts.google.com" });
    await signIn({ iat: now - 3600, exp: now - 10 });
  });

  it.each([
    [
      "another app's audience",
      { aud: "someone-else.apps.googleusercontent.com" },
      "auth.google_wrong_audience",
    ],
    ["another issuer", { iss: "https://evil.example.com" }, "auth.google_wrong_issuer"],
    ["an expired token", { exp: Math.floor(Date.now() / 1000) - 120 }, "auth.google_token_expired"],
    ["an email Google has not verified", { email_verified: false }, "auth.google_email_unverified"],
    ["email_verified as a string", { email_verified: "true" }, "auth.google_email_unverified"],
  ])("refuses %s with UNAUTHORIZED and a reason", async (_what, claims, reason) => {
    const email = unique("refused");
    const idToken = await google.sign({ ...claims, email, iat: Math.floor(Date.now() / 1000) - 600 });
    const err = await rejects(signInWithGoogle(t.deps, origin(), { idToken }));
    expect({ code: err.code, reason: err.reason }).toEqual({ code: "UNAUTHORIZED", reason });
    expect(await userByEmail(email)).toBeUndefined();
  });

  it("refuses a token whose signature does not match the published key", async () => {
    const idToken = await google.sign({}, "forged");
    const err = await rejects(signInWithGoogle(t.deps, origin(), { idToken }));
    expect({ code: err.code, reason: err.reason }).toEqual({
      code: "UNAUTHORIZED",
      reason: "auth.google_bad_signature",
    });
  });

  it("refuses a token signed with a key Google does not publish", async () => {
    const idToken = await google.sign({}, "unpublished");
    const err = await rejects(signInWithGoogle(t.deps, origin(), { idToken }));
    expect({ code: err.code, reason: err.reason }).toEqual({
      code: "UNAUTHORIZED",
      reason: "auth.google_unknown_key",
    });
  });

  it("refuses a tampered token and one that is not a signed JWT", async () => {
    const [h, , s] = (await google.sign()).split(".");
    const body = Buffer.from(JSON.stringify({ sub: "1", email: "x@example.com", email_verified: true }));
    const tampered = `${h}.${body.toString("base64url")}.${s}`;
    for (const idToken of [tampered, "aaa.bbb.ccc"]) {
      const err = await rejects(signInWithGoogle(t.deps, origin(), { idToken }));
      expect(err.code).toBe("UNAUTHORIZED");
      expect(err.reason).toMatch(/^auth\.google_(bad_signature|token_invalid)$/);
    }
  });

  it("answers UNAUTHORIZED (never a server error) to tokens that are not Google's in shape", async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const [, body, sig] = (await google.sign()).split(".");
    const garbage = [
      `${b64({ alg: "none" })}.${body}.${sig}`,
      `${b64({ alg: "HS256", kid: "x" })}.${body}.${sig}`,
      `${b64({ alg: "RS256" })}.${body}.${sig}`,
      `notjson.${body}.${sig}`,
      `${b64({ alg: "RS256", kid: 7 })}.${b64("just a string")}.${sig}`,
      `${b64([1, 2])}.${body}.${sig}`,
    ];
    for (const idToken of garbage) {
      const err = await rejects(signInWithGoogle(t.deps, origin(), { idToken }));
      expect({ idToken, code: err.code }).toEqual({ idToken, code: "UNAUTHORIZED" });
      expect(err.reason).toMatch(/^auth\.google_/);
    }
  });

  it("fetches Google's keys once for many sign-ins", async () => {
    const before = google.fetches();
    await signIn();
    await signIn();
    await signIn();
    expect(google.fetches()).toBe(before);
    expect(before).toBeLessThanOrEqual(2);
  });

  it("answers UNAVAILABLE when Google's keys cannot be fetched", async () => {
    const deps = { ...t.deps, google: { clientId: CLIENT_ID, jwksUrl: "http://127.0.0.1:9/certs" } };
    const err = await rejects(signInWithGoogle(deps, origin(), { idToken: await google.sign() }));
    expect({ code: err.code, reason: err.reason }).toEqual({
      code: "UNAVAILABLE",
      reason: "auth.google_keys_unavailable",
    });
  });

  it("is off without a client id: a clear error, nothing checked", async () => {
    const { google: _, ...deps } = t.deps;
    const err = await rejects(signInWithGoogle(deps, origin(), { idToken: await google.sign() }));
    expect({ code: err.code, reason: err.reason }).toEqual({
      code: "INVALID_STATE",
      reason: "auth.google_disabled",
    });
  });

  it("limits attempts per IP address", async () => {
    const from = { ip: "203.0.113.250", userAgent: "vitest" };
    for (let i = 0; i < 30; i++)
      await rejects(signInWithGoogle(t.deps, from, { idToken: "aaa.bbb.ccc" })).catch(() => {});
    const err = await rejects(signInWithGoogle(t.deps, from, { idToken: await google.sign() }));
    expect({ code: err.code, reason: err.reason }).toEqual({
      code: "RATE_LIMITED",
      reason: "rate_limit.google.ip",
    });
  });
});

describe("sign in with Google: which account", () => {
  it("links an existing account by its verified email, tells its owner, audits it, keeps the password", async () => {
    const email = unique("owner");
    const existing = await createVerifiedUser(t.deps, {
      email,
      name: "Owner",
      password: "owner-pass-123",
      role: "customer",
    });
    const gsub = sub();
    const res = await signIn({ sub: gsub, email });
    expect(res.user.id).toBe(existing.id);
    expect(await identitiesOf(existing.id)).toHaveLength(1);
    const mail = await t.lastEmailTo(email);
    expect(mail.subject).toBe("Google was linked to your Bazaar account");
    expect(mail.text).not.toMatch(/password was cleared/);
    const entries = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.google_linked"), eq(auditLog.targetId, existing.id)));
    expect(entries).toMatchObject([{ actorId: existing.id, actorRole: "customer" }]);
    // Linking took nothing away.
    const again = session(await login(t.deps, origin(), { email, password: "owner-pass-123" }));
    expect(again.user.id).toBe(existing.id);

    // The second sign-in finds the link: no second email, no second entry.
    await signIn({ sub: gsub, email });
    expect((await t.emailsTo(email)).filter((m) => /Google was linked/.test(m.subject))).toHaveLength(1);
  });

  it("does not link by an email Google has not verified", async () => {
    const email = unique("unverified-at-google");
    const existing = await createVerifiedUser(t.deps, {
      email,
      name: "Owner",
      password: "owner-pass-123",
      role: "seller",
    });
    const idToken = await google.sign({ email, email_verified: false });
    const err = await rejects(signInWithGoogle(t.deps, origin(), { idToken }));
    expect(err.reason).toBe("auth.google_email_unverified");
    expect(await identitiesOf(existing.id)).toHaveLength(0);
  });

  it("confirms a never-confirmed sign-up but clears its password, which anyone could have typed", async () => {
    const email = unique("pre-registered");
    await register(t.deps, origin(), { email, password: "attacker-pass-1", name: "Not The Owner" });
    const code = await t.otpFor(email);

    const res = await signIn({ email });
    expect(res.user).toMatchObject({ email, emailVerified: true });
    const row = (await userByEmail(email))!;
    expect(row.signupContestedAt).toBeNull();
    // The sign-up's password no longer opens the account, and its emailed code confirms nothing.
    expect((await rejects(login(t.deps, origin(), { email, password: "attacker-pass-1" }))).reason).toBe(
      "auth.invalid_credentials",
    );
    await rejects(verifyEmail(t.deps, origin(), { email, code }));
    const open = await t.db.db.select().from(otpCodes).where(eq(otpCodes.userId, row.id));
    expect(open.every((c) => c.consumedAt !== null)).toBe(true);
    const mail = await t.lastEmailTo(email, { subject: /Google was linked/ });
    expect(mail.text).toMatch(/password was cleared/);
    expect(mail.text).toContain("http://customer.test/forgot-password");
  });

  it("finds the linked account on the next sign-in even after the email changed at Google", async () => {
    const gsub = sub();
    const first = await signIn({ sub: gsub, email: unique("before") });
    const renamed = unique("after");
    const second = await signIn({ sub: gsub, email: renamed });
    expect(second.user.id).toBe(first.user.id);
    expect(second.user.email).toBe(first.user.email);
    expect(await identitiesOf(first.user.id)).toMatchObject([{ subject: gsub, email: renamed }]);
    expect(await userByEmail(renamed)).toBeUndefined();
  });

  it("concurrent first sign-ins with one Google account make one account and one link", async () => {
    const gsub = sub();
    const email = unique("racer");
    const tokens = await Promise.all(Array.from({ length: 6 }, () => google.sign({ sub: gsub, email })));
    const results = await Promise.all(
      tokens.map((idToken) => signInWithGoogle(t.deps, origin(), { idToken })),
    );
    const ids = new Set(results.map((r) => session(r).user.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(await identitiesOf(id!)).toHaveLength(1);
    expect(await t.db.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    expect((await t.emailsTo(email)).filter((m) => m.subject === "Welcome to Bazaar")).toHaveLength(1);
  });

  it("a suspended or deactivated account stays out, linked or not, with login's reasons", async () => {
    const linked = await signIn({ sub: sub() });
    const linkedSub = (await identitiesOf(linked.user.id))[0]!.subject;
    await t.db.db.update(users).set({ status: "suspended" }).where(eq(users.id, linked.user.id));
    const e1 = await rejects(
      signInWithGoogle(t.deps, origin(), { idToken: await google.sign({ sub: linkedSub }) }),
    );
    expect({ code: e1.code, reason: e1.reason }).toEqual({
      code: "FORBIDDEN",
      reason: "auth.account_suspended",
    });

    const email = unique("deactivated");
    const u = await createVerifiedUser(t.deps, {
      email,
      name: "Gone",
      password: "gone-pass-123",
      role: "customer",
    });
    await t.db.db.update(users).set({ status: "deactivated" }).where(eq(users.id, u.id));
    const e2 = await rejects(signInWithGoogle(t.deps, origin(), { idToken: await google.sign({ email }) }));
    expect({ code: e2.code, reason: e2.reason }).toEqual({
      code: "FORBIDDEN",
      reason: "auth.account_deactivated",
    });
    // Refused before linking: no way in was added to a blocked account.
    expect(await identitiesOf(u.id)).toHaveLength(0);
  });

  it("the admin app never creates an account, but signs in a linked admin", async () => {
    const email = unique("stranger");
    const idToken = await google.sign({ email });
    const err = await rejects(signInWithGoogle(t.deps, origin(), { idToken, role: "admin" }));
    expect({ code: err.code, reason: err.reason }).toEqual({
      code: "FORBIDDEN",
      reason: "auth.google_no_account",
    });
    expect(await userByEmail(email)).toBeUndefined();

    const adminEmail = unique("admin");
    const admin = await createVerifiedUser(t.deps, {
      email: adminEmail,
      name: "Admin",
      password: "admin-pass-123",
      role: "admin",
    });
    const res = await signInWithGoogle(t.deps, origin(), {
      idToken: await google.sign({ email: adminEmail }),
      role: "admin",
    });
    // Google is a first factor like a password: the admin still owes the second one.
    expect(res).toMatchObject({ status: "second_factor_required" });
    expect(res).not.toHaveProperty("accessToken");
    const challenges = await t.db.db
      .select()
      .from(signInChallenges)
      .where(eq(signInChallenges.userId, admin.id));
    expect(challenges).toMatchObject([{ method: "google" }]);
  });
});
