import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const dir = () => mkdtempSync(join(tmpdir(), "bazaar-config-"));

describe("config", () => {
  it("runs on embedded defaults with nothing set", () => {
    const c = loadConfig({ DATA_DIR: dir() });
    expect(c).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      redisUrl: undefined,
      runJobsInProcess: true,
      seedDemo: true,
    });
    expect(c.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(c.corsOrigins).toEqual([
      "http://localhost:5173",
      "http://localhost:5174",
      "http://localhost:5175",
    ]);
  });

  it("keeps the generated secret across restarts", () => {
    const d = dir();
    expect(loadConfig({ DATA_DIR: d }).authSecret).toBe(loadConfig({ DATA_DIR: d }).authSecret);
  });

  it("names every bad variable", () => {
    expect(() =>
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", REDIS_URL: "http://x" }),
    ).toThrowError(/PORT:.*\n.*DATABASE_URL: must be a PostgreSQL URL.*\n.*REDIS_URL: must be a Redis URL/s);
  });

  it("requires AUTH_SECRET in production", () => {
    expect(() => loadConfig({ NODE_ENV: "production", DATA_DIR: dir() })).toThrowError(
      /AUTH_SECRET: required in production/,
    );
  });

  it("switches to real services when their URLs are set", () => {
    const c = loadConfig({
      DATA_DIR: dir(),
      DATABASE_URL: "postgres://u:p@127.0.0.1/db",
      REDIS_URL: "redis://127.0.0.1:6379",
      SMTP_URL: "smtp://127.0.0.1:25",
    });
    expect(c).toMatchObject({ runJobsInProcess: false, seedDemo: false, smtpUrl: "smtp://127.0.0.1:25" });
  });

  it("treats empty values from a copied .env.example as unset", () => {
    expect(loadConfig({ DATA_DIR: dir(), DATABASE_URL: "", PORT: "" }).databaseUrl).toBeUndefined();
  });
});
