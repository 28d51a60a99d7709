import { createVerifiedUser } from "@bazaar/core";
import {
  createTestContext,
  currentTotpCodeByEmail,
  enrolTotp,
  type TestContext,
  totpCode,
} from "@bazaar/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HttpExchange } from "../context";
import { createCaller } from "../root";
import { type CookieJar, clientError, cookieJar, testHttp } from "../testing/http";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ limits: { "login.ip": { points: 10_000, duration: 60 } } });
});
afterAll(() => t.close());

const PASSWORD = "pass-word-1";
const api = (jar: CookieJar, over: Partial<HttpExchange> = {}) =>
  createCaller({ deps: t.deps, http: testHttp(over, jar) });

let n = 0;
async function account(role: "customer" | "admin", enrol = true) {
  const email = `api-2fa-${++n}-${Date.now()}@example.com`;
  const user = await createVerifiedUser(t.deps, { email, name: "Two Factor", password: PASSWORD, role });
  if (enrol) await enrolTotp(t.deps, user.id);
  return { email, user };
}

describe("a sign-in with the password but not the second factor", () => {
  for (const role of ["customer", "admin"] as const)
    it(`gives a ${role} no session: no cookie, no token, refresh and me refused`, async () => {
      const { email } = await account(role, role === "customer");
      const jar = cookieJar();
      const res = await api(jar).auth.login({ email, password: PASSWORD });
      expect(res.status).toBe("second_factor_required");
      expect(res).not.toHaveProperty("accessToken");
      expect(res).not.toHaveProperty("refreshToken");
      expect(res).toMatchObject({ enrolmentRequired: role === "admin" });
      expect(jar.refresh).toBeNull();
      expect(await clientError(api(jar).auth.refresh())).toMatchObject({ code: "UNAUTHORIZED" });
      expect(await clientError(api(jar).auth.me())).toMatchObject({ code: "UNAUTHORIZED" });
      // The challenge token is not an access token either.
      if (res.status !== "second_factor_required") throw new Error("unreachable");
      expect(await clientError(api(jar, { accessToken: res.challengeToken }).auth.me())).toMatchObject({
        code: "UNAUTHORIZED",
      });
      // The same holds for mobile clients: nothing in the body to refresh with.
      const mobile = await api(cookieJar(), { client: "mobile" }).auth.login({ email, password: PASSWORD });
      expect(mobile).not.toHaveProperty("refreshToken");
    });

  it("gives the session (cookie and token) once the code is right, and remembers the device in a cookie", async () => {
    const { email } = await account("customer");
    const jar = cookieJar();
    const first = await api(jar).auth.login({ email, password: PASSWORD });
    if (first.status !== "second_factor_required") throw new Error("expected a challenge");
    const wrong = await clientError(
      api(jar).auth.verifySecondFactor({ challengeToken: first.challengeToken, code: "000000" }),
    );
    expect(wrong).toMatchObject({ code: "BAD_REQUEST", reason: "auth.second_factor_invalid" });
    expect(wrong.fieldErrors).toHaveProperty("code");
    expect(jar.refresh).toBeNull();
    const code = await currentTotpCodeByEmail(t.deps, email);
    const done = await api(jar).auth.verifySecondFactor({
      challengeToken: first.challengeToken,
      code,
      rememberDevice: true,
    });
    if (done.status !== "signed_in") throw new Error("expected a session");
    expect(jar.refresh).toBeTruthy();
    expect(jar.device).toBeTruthy();
    expect(done).not.toHaveProperty("trustedDeviceToken");
    expect((await api(jar, { accessToken: done.accessToken }).auth.me()).email).toBe(email);
    // The next sign-in from this browser skips the step.
    const again = await createCaller({
      deps: t.deps,
      http: testHttp({ trustedDeviceToken: jar.device }, cookieJar()),
    }).auth.login({ email, password: PASSWORD });
    expect(again.status).toBe("signed_in");
  });

  it("gives a mobile client its remembered device in the body, taken back as x-bazaar-device", async () => {
    const { email } = await account("customer");
    const first = await api(cookieJar(), { client: "mobile" }).auth.login({ email, password: PASSWORD });
    if (first.status !== "second_factor_required") throw new Error("expected a challenge");
    const done = await api(cookieJar(), { client: "mobile" }).auth.verifySecondFactor({
      challengeToken: first.challengeToken,
      code: await currentTotpCodeByEmail(t.deps, email),
      rememberDevice: true,
    });
    if (done.status !== "signed_in") throw new Error("expected a session");
    expect(done.refreshToken).toBeTruthy();
    expect(done.trustedDeviceToken).toBeTruthy();
    const again = await api(cookieJar(), {
      client: "mobile",
      trustedDeviceToken: done.trustedDeviceToken,
    }).auth.login({
      email,
      password: PASSWORD,
    });
    expect(again.status).toBe("signed_in");
  });

  it("lets an admin enrol with the challenge and answers the session with the recovery codes", async () => {
    const { email } = await account("admin", false);
    const jar = cookieJar();
    const first = await api(jar).auth.login({ email, password: PASSWORD });
    if (first.status !== "second_factor_required") throw new Error("expected a challenge");
    const enrolment = await api(jar).auth.startChallengeEnrolment({ challengeToken: first.challengeToken });
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png/);
    expect(jar.refresh).toBeNull();
    const done = await api(jar).auth.confirmChallengeEnrolment({
      challengeToken: first.challengeToken,
      code: totpCode(enrolment.secret, t.deps.now()),
    });
    if (done.status !== "signed_in") throw new Error("expected a session");
    expect(done.recoveryCodes).toHaveLength(10);
    expect(jar.refresh).toBeTruthy();
    const status = await api(jar, { accessToken: done.accessToken }).auth.twoFactorStatus();
    expect(status).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 10 });
  });
});
