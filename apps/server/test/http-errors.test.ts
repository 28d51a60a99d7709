import { DomainError } from "@bazaar/core";
import { createDb } from "@bazaar/db";
import { createTestDb } from "@bazaar/db/testing";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { routeErrorHandler } from "../src/http-errors";

// The plain-HTTP routes' error handler, on a bare Fastify instance with routes that fail
// the ways real ones can: real SQL on the test database, a real refused connection.
const db = await createTestDb();
const nowhere = await createDb({
  url: "postgres://bazaar:x@127.0.0.1:1/none",
  timeouts: { connectMs: 2_000 },
});

/** An app with a log of its own, so each test sees only what its own requests logged. */
async function errorApp(): Promise<{ app: FastifyInstance; logged: { level: string; msg: string }[] }> {
  const logged: { level: string; msg: string }[] = [];
  // Only what the handler writes is kept: its level and message.
  const log = {
    level: "info",
    child: () => log,
    fatal: () => {},
    error: (_: object, msg: string) => void logged.push({ level: "error", msg }),
    warn: (_: object, msg: string) => void logged.push({ level: "warn", msg }),
    info: () => {},
    debug: () => {},
    trace: () => {},
    silent: () => {},
  };
  const app = Fastify({ loggerInstance: log as unknown as FastifyBaseLogger });
  app.setErrorHandler(routeErrorHandler("test route"));
  app.get("/bad-value", () => db.db.execute(sql`select ${"-".repeat(36)}::uuid`));
  app.get("/db-down", () => nowhere.db.execute(sql`select 1`));
  app.get("/domain", () => {
    throw new DomainError("CONFLICT", "thing.taken", "Taken");
  });
  app.get("/bug", () => {
    throw new TypeError("undefined is not a function");
  });
  app.post("/json", (req) => req.body);
  onTestFinished(() => app.close());
  return { app, logged };
}
afterAll(async () => {
  await nowhere.close();
  await db.close();
});

describe("routeErrorHandler", () => {
  it("answers a value the database refused with 400, logging nothing", async () => {
    const { app, logged } = await errorApp();
    const res = await app.inject("/bad-value");
    expect([res.statusCode, res.json().reason]).toEqual([400, "validation.invalid_value"]);
    expect(logged).toEqual([]);
  });

  it("answers an unreachable database with 503 and logs a warning, not an error", async () => {
    const { app, logged } = await errorApp();
    const res = await app.inject("/db-down");
    expect([res.statusCode, res.json()]).toEqual([
      503,
      {
        code: "UNAVAILABLE",
        reason: "service.unavailable",
        message: "The service is busy or restarting. Please try again shortly.",
      },
    ]);
    expect(logged.splice(0)).toEqual([
      { level: "warn", msg: "test route: database unavailable, answered 503" },
    ]);
  });

  it("keeps domain errors and Fastify's own 4xx, and logs only bugs, answered 500", async () => {
    const { app, logged } = await errorApp();
    expect((await app.inject("/domain")).statusCode).toBe(409);
    const malformed = await app.inject({
      method: "POST",
      url: "/json",
      headers: { "content-type": "application/json" },
      payload: "{",
    });
    expect([malformed.statusCode, malformed.json().reason]).toEqual([400, "request.invalid"]);
    expect(logged).toEqual([]);
    const bug = await app.inject("/bug");
    expect([bug.statusCode, bug.json().reason]).toEqual([500, "internal"]);
    expect(logged).toEqual([{ level: "error", msg: "test route failed" }]);
  });
});
