import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from "jose";

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** The claims a test may set or spoil; everything else gets Google's usual values. */
export type GoogleTokenClaims = {
  sub?: string;
  email?: string;
  email_verified?: unknown;
  name?: string;
  aud?: string;
  iss?: string;
  /** Seconds since the epoch. */
  iat?: number;
  exp?: number;
};

/**
 * Google's published signing keys, played by a local HTTP server: it serves a JWKS of
 * RS256 keys generated here, at `jwksUrl`, and `sign` makes ID tokens shaped like Google's
 * (issuer, audience, sub, email, email_verified, name, iat/exp). A token can be signed with
 * a key the server does not publish (`unpublished`) or one whose id it publishes with other
 * key material (`forged`), for the failures a verifier must catch.
 */
export async function startGoogleStub(options: { clientId: string; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  const published = await newKey();
  const unpublished = await newKey();
  const forged = { ...(await newKey()), kid: published.kid };
  let fetches = 0;

  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/oauth2/v3/certs") {
      fetches++;
      res.writeHead(200, { "content-type": "application/json", "cache-control": "public, max-age=3600" });
      res.end(JSON.stringify({ keys: [published.jwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  /** An ID token for `claims`, signed with the published key unless told otherwise. */
  async function sign(
    claims: GoogleTokenClaims = {},
    key: "published" | "unpublished" | "forged" = "published",
  ) {
    const signer = { published, unpublished, forged }[key];
    const iat = claims.iat ?? Math.floor(now().getTime() / 1000);
    const payload: JWTPayload = {
      sub: claims.sub ?? String(Math.floor(Math.random() * 1e20)),
      email: claims.email ?? `g${randomUUID().slice(0, 8)}@gmail.test`,
      email_verified: "email_verified" in claims ? claims.email_verified : true,
      name: claims.name ?? "Gia Google",
      azp: options.clientId,
    };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: "RS256", kid: signer.kid, typ: "JWT" })
      .setIssuer(claims.iss ?? "https://accounts.google.com")
      .setAudience(claims.aud ?? options.clientId)
      .setIssuedAt(iat)
      .setExpirationTime(claims.exp ?? iat + 3600)
      .sign(signer.privateKey);
  }

  return {
    jwksUrl: `http://127.0.0.1:${port}/oauth2/v3/certs`,
    clientId: options.clientId,
    sign,
    /** How many times the key set was fetched (it should be cached). */
    fetches: () => fetches,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type GoogleStub = Awaited<ReturnType<typeof startGoogleStub>>;

async function newKey(): Promise<{ kid: string; privateKey: KeyPair["privateKey"]; jwk: JWK }> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const kid = randomUUID();
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return { kid, privateKey, jwk };
}
