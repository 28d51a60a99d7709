import { randomUUID } from "node:crypto";
import { createVerifiedUser, loadConfig } from "@bazaar/core";
import { createTestContext, signInForTest as login, type TestContext } from "@bazaar/core/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";

/**
 * Over HTTP, an audit entry carries the id Fastify gave the request (the one sent back in
 * `x-request-id`) and the client's address as Fastify sees it: the socket's peer, since
 * TRUST_PROXY is off by default and a forwarded-for header is then only a claim.
 */

let t: TestContext;
let app: FastifyInstance;
const config = loadConfig({
  NODE_ENV: "test",
  DATA_DIR: "/tmp/bazaar-server-test",
  AUTH_SECRET: "x".repeat(32),
});

beforeAll(async () => {
  t = await createTestContext();
  app = await buildApp(t.runtime(), config);
});
afterAll(async () => {
  await app.close();
  await t.close();
});

async function adminToken() {
  const email = `admin-${randomUUID()}@example.com`;
  await createVerifiedUser(t.deps, { email, name: "Meera Admin", password: "pass-word-1", role: "admin" });
  return (await login(t.deps, { ip: null, userAgent: null }, { email, password: "pass-word-1" })).accessToken;
}

const createCategory = (token: string, headers: Record<string, string> = {}, remoteAddress = "192.0.2.44") =>
  app.inject({
    method: "POST",
    url: "/trpc/admin.categories.create",
    remoteAddress,
    payload: { json: { name: "Handloom", slug: `handloom-${randomUUID().slice(0, 8)}` } },
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
  });

const entriesOf = (requestId: string) =>
  t.deps.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.requestId, requestId) });

describe("audit entries over HTTP", () => {
  it("carry the request's id (as the response names it) and the caller's address", async () => {
    const token = await adminToken();
    const res = await createCategory(token, { "x-forwarded-for": "10.9.9.9" });
    expect(res.statusCode).toBe(200);
    const requestId = res.headers["x-request-id"] as string;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const entries = await entriesOf(requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "category.created",
      actorRole: "admin",
      ip: "192.0.2.44",
      requestId,
    });
  });

  it("keep a client's own request id, so a call can be followed from the client's logs", async () => {
    const token = await adminToken();
    const traced = `trace-${randomUUID()}`;
    const res = await createCategory(token, { "x-request-id": traced }, "198.51.100.7");
    expect([res.statusCode, res.headers["x-request-id"]]).toEqual([200, traced]);
    expect(await entriesOf(traced)).toMatchObject([{ action: "category.created", ip: "198.51.100.7" }]);
  });

  it("share the request id across the calls of one batch, one entry each", async () => {
    const token = await adminToken();
    const slug = () => `batch-${randomUUID().slice(0, 8)}`;
    const res = await app.inject({
      method: "POST",
      url: "/trpc/admin.categories.create,admin.categories.create?batch=1",
      payload: {
        0: { json: { name: "Pottery", slug: slug() } },
        1: { json: { name: "Brass", slug: slug() } },
      },
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    const entries = await entriesOf(res.headers["x-request-id"] as string);
    expect(entries.map((e) => e.action)).toEqual(["category.created", "category.created"]);
    expect(new Set(entries.map((e) => e.targetId)).size).toBe(2);
  });

  it("behind one trusted proxy, record the address the proxy saw, not the one the client wrote", async () => {
    const behindProxy = await buildApp(t.runtime(), { ...config, trustProxy: 1 });
    try {
      const token = await adminToken();
      const res = await behindProxy.inject({
        method: "POST",
        url: "/trpc/admin.categories.create",
        remoteAddress: "10.0.0.2",
        payload: { json: { name: "Jute", slug: `jute-${randomUUID().slice(0, 8)}` } },
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${token}`,
          // The client claims 6.6.6.6; the proxy appended the peer it really saw.
          "x-forwarded-for": "6.6.6.6, 203.0.113.9",
        },
      });
      expect(res.statusCode).toBe(200);
      expect(await entriesOf(res.headers["x-request-id"] as string)).toMatchObject([{ ip: "203.0.113.9" }]);
    } finally {
      await behindProxy.close();
    }
  });
});
