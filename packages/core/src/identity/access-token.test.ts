import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, verifyAccessToken } from "./credentials";

const secret = new TextEncoder().encode("test-secret-test-secret-test-secret!");
const claims = { sub: "u-1", sid: "s-1", role: "customer" as const };
const t0 = new Date("2026-03-01T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

/** A verified token is remembered (by its whole text) so its signature is not checked again: these pin what that may not change. */
describe("verifyAccessToken, verified tokens remembered", () => {
  it("a token checked once is accepted again until it expires, then refused though remembered", async () => {
    const { token } = await signAccessToken(secret, claims, t0);
    expect(await verifyAccessToken(secret, token, at(1))).toEqual(claims);
    expect(await verifyAccessToken(secret, token, at(ACCESS_TOKEN_TTL_SECONDS - 1))).toEqual(claims);
    expect(await verifyAccessToken(secret, token, at(ACCESS_TOKEN_TTL_SECONDS))).toBeNull();
    expect(await verifyAccessToken(secret, token, at(ACCESS_TOKEN_TTL_SECONDS + 60))).toBeNull();
    // Sign-out still reads an expired token's claims.
    expect(
      await verifyAccessToken(secret, token, at(ACCESS_TOKEN_TTL_SECONDS + 60), { allowExpired: true }),
    ).toEqual(claims);
  });

  it("a remembered token is refused under another secret", async () => {
    const { token } = await signAccessToken(secret, claims, t0);
    expect(await verifyAccessToken(secret, token, at(1))).toEqual(claims);
    const other = new TextEncoder().encode("another-secret-another-secret-another");
    expect(await verifyAccessToken(other, token, at(1))).toBeNull();
  });

  it("a remembered token's signature on other claims is refused", async () => {
    const { token } = await signAccessToken(secret, claims, t0);
    expect(await verifyAccessToken(secret, token, at(1))).toEqual(claims);
    const [header, , signature] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({
        ...claims,
        sub: "u-admin",
        role: "admin",
        iss: "bazaar",
        aud: "bazaar-api",
        exp: 9e9,
      }),
    ).toString("base64url");
    expect(await verifyAccessToken(secret, `${header}.${forged}.${signature}`, at(1))).toBeNull();
  });

  it("the claims handed out are the caller's own copy", async () => {
    const { token } = await signAccessToken(secret, claims, t0);
    const first = await verifyAccessToken(secret, token, at(1));
    first!.role = "admin";
    expect(await verifyAccessToken(secret, token, at(2))).toEqual(claims);
  });
});

/** The signature and claims are checked in place (not through jose): each refusal jose made is still made. */
describe("verifyAccessToken, what a token must be", () => {
  const sign = (header: object, payload: object, key = secret) => {
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const body = `${b64(header)}.${b64(payload)}`;
    return `${body}.${createHmac("sha256", key).update(body).digest("base64url")}`;
  };
  const iat = Math.floor(t0.getTime() / 1000);
  const good = { ...claims, iss: "bazaar", aud: "bazaar-api", iat, exp: iat + 900 };
  const hs256 = { alg: "HS256", typ: "JWT" };

  it("accepts a token made by hand exactly as the app signs them", async () => {
    expect(await verifyAccessToken(secret, sign(hs256, good), at(1))).toEqual(claims);
  });

  it("refuses another algorithm, a critical header, another issuer or audience, and non-numeric times", async () => {
    for (const token of [
      sign({ alg: "none" }, good),
      sign({ alg: "HS512" }, good),
      sign({ ...hs256, crit: ["b64"], b64: false }, good),
      sign(hs256, { ...good, iss: "elsewhere" }),
      sign(hs256, { ...good, aud: "another-api" }),
      sign(hs256, { ...good, exp: String(iat + 900) }),
      sign(hs256, { ...good, iat: "now" }),
      sign(hs256, { ...good, nbf: iat + 60 }),
      sign(hs256, [good]),
      sign(hs256, good, new TextEncoder().encode("another-secret-another-secret-another")),
    ])
      expect(await verifyAccessToken(secret, token, at(1))).toBeNull();
    expect(
      await verifyAccessToken(secret, sign(hs256, { ...good, aud: ["x", "bazaar-api"] }), at(1)),
    ).toEqual(claims);
  });

  it("refuses a token whose text is not strict base64url, though its bytes would decode", async () => {
    const token = sign(hs256, good);
    for (const bad of [`${token}!`, `${token}=`, `${token}.x`, token.replace(".", ". "), "", "a.b"])
      expect(await verifyAccessToken(secret, bad, at(1))).toBeNull();
  });

  it("an expired token is refused, and read within the sign-out tolerance only when asked", async () => {
    const token = sign(hs256, good);
    expect(await verifyAccessToken(secret, token, at(900))).toBeNull();
    expect(await verifyAccessToken(secret, token, at(901), { allowExpired: true })).toEqual(claims);
    expect(
      await verifyAccessToken(secret, token, at(900 + 31 * 24 * 3600), { allowExpired: true }),
    ).toBeNull();
  });
});
