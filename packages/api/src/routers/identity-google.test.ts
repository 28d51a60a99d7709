import { createVerifiedUser } from "@bazaar/core";
import { createTestContext, type GoogleStub, startGoogleStub, type TestContext } from "@bazaar/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpExchange } from "../context";
import { createCaller } from "../root";
import { clientError, cookieJar, testHttp } from "../testing/http";

let t: TestContext;
let google: GoogleStub;
const CLIENT_ID = "bazaar-api-test.apps.googleusercontent.com";
const jar = cookieJar();
const api = (over: Partial<HttpExchange> = {}) => createCaller({ deps: t.deps, http: testHttp(over, jar) });
const unique = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}@example.com`;

beforeAll(async () => {
  t = await createTestContext();
  google = await startGoogleStub({ clientId: CLIENT_ID });
  t.deps.google = { clientId: CLIENT_ID, jwksUrl: google.jwksUrl };
});
afterAll(async () => {
  await google.close();
  await t.close();
});

/** The answer as a session; a second-factor challenge fails the test. */
function session<T extends object>(res: T) {
  if (!("accessToken" in res)) throw new Error(`expected a session, got ${JSON.stringify(res)}`);
  return res as Extract<T, { accessToken: string }>;
}

describe("auth.signInWithGoogle and auth.providers", () => {
  it("tells the apps Google is on, with the public client id only", async () => {
    expect(await api().auth.providers()).toEqual({ google: { clientId: CLIENT_ID } });
    const { google: _, ...off } = t.deps;
    const offApi = createCaller({ deps: off, http: testHttp() });
    expect(await offApi.auth.providers()).toEqual({ google: null });
    expect(await clientError(offApi.auth.signInWithGoogle({ idToken: await google.sign() }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      reason: "auth.google_disabled",
    });
  });

  it("signs a web client in with the refresh token only in the cookie, like login", async () => {
    jar.refresh = null;
    const email = unique("web");
    const res = session(await api().auth.signInWithGoogle({ idToken: await google.sign({ email }) }));
    expect(res.user.email).toBe(email);
    expect(res).not.toHaveProperty("refreshToken");
    expect(jar.refresh).toBeTruthy();
    const me = await api({ accessToken: res.accessToken }).auth.me();
    expect(me.email).toBe(email);
    const refreshed = await api().auth.refresh();
    expect(refreshed.user.id).toBe(me.id);
  });

  it("gives a mobile client the refresh token in the body", async () => {
    jar.refresh = null;
    const res = session(
      await api({ client: "mobile" }).auth.signInWithGoogle({ idToken: await google.sign() }),
    );
    expect(res.refreshToken).toMatch(/^[\w-]{40,}$/);
    expect(jar.refresh).toBeNull();
  });

  it("answers a bad token with UNAUTHORIZED and its reason, and a malformed one with a field error", async () => {
    const wrongAudience = await google.sign({ aud: "another.apps.googleusercontent.com" });
    expect(await clientError(api().auth.signInWithGoogle({ idToken: wrongAudience }))).toMatchObject({
      code: "UNAUTHORIZED",
      reason: "auth.google_wrong_audience",
    });
    expect(await clientError(api().auth.signInWithGoogle({ idToken: "not a token" }))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { idToken: ["ID token is not a JWT"] },
    });
  });
});

describe("auth.linkedAccounts and auth.unlinkAccount", () => {
  it("lists the linked Google account and unlinks it while a password still signs in", async () => {
    const email = unique("linked");
    await createVerifiedUser(t.deps, { email, name: "Linked", password: "pass-word-1", role: "customer" });
    const res = session(await api().auth.signInWithGoogle({ idToken: await google.sign({ email }) }));
    const me = api({ accessToken: res.accessToken });
    const [link, ...rest] = await me.auth.linkedAccounts();
    expect(rest).toEqual([]);
    expect(link).toMatchObject({ provider: "google", email });
    expect(await me.auth.unlinkAccount({ id: link!.id })).toEqual({ ok: true });
    expect(await me.auth.linkedAccounts()).toEqual([]);
    expect(await clientError(me.auth.unlinkAccount({ id: link!.id }))).toMatchObject({
      code: "NOT_FOUND",
      reason: "identity.not_found",
    });
  });

  it("refuses to unlink the only way into an account Google created, until a password is chosen", async () => {
    const email = unique("google-only");
    const res = session(await api().auth.signInWithGoogle({ idToken: await google.sign({ email }) }));
    const me = api({ accessToken: res.accessToken });
    const [link] = await me.auth.linkedAccounts();
    expect(await clientError(me.auth.unlinkAccount({ id: link!.id }))).toMatchObject({
      code: "PRECONDITION_FAILED",
      reason: "identity.last_sign_in",
    });

    await api().auth.requestPasswordReset({ email });
    await api().auth.resetPassword({
      token: await t.resetTokenFor(email),
      newPassword: "chosen-pass-word-3",
    });
    const again = session(await api().auth.login({ email, password: "chosen-pass-word-3" }));
    const signedIn = api({ accessToken: again.accessToken });
    expect(await signedIn.auth.unlinkAccount({ id: link!.id })).toEqual({ ok: true });
  });
});
