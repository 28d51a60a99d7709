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
