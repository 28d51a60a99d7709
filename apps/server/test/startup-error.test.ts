import { loadConfig } from "@bazaar/core";
import { describe, expect, it } from "vitest";
import { startupFailure } from "../src/startup-error";

// What `node dist/main.js` (and so `npm start`) prints instead of a stack trace when a
// setting is at fault: one line naming the variable.
const config = (env: Record<string, string> = {}) =>
  loadConfig({ DATA_DIR: "/tmp/bazaar-startup-error-test", AUTH_SECRET: "x".repeat(32), ...env });
const pg = config({ DATABASE_URL: "postgres://bazaar:secret@db.internal:6543/shop" });

describe("startup failures", () => {
  it("names PORT when the port is taken", () => {
    expect(startupFailure({ code: "EADDRINUSE" }, config({ PORT: "3456" }))).toBe(
      "PORT 3456 on 127.0.0.1 is in use (is Bazaar already running?): stop that process or set PORT",
    );
  });

  it("names DATABASE_URL and where it points when PostgreSQL cannot be reached, without the password", () => {
    const line = startupFailure(
      Object.assign(new AggregateError([{ code: "ECONNREFUSED" }]), { code: undefined }),
      pg,
    );
    expect(line).toBe("DATABASE_URL: cannot reach PostgreSQL at db.internal:6543/shop (ECONNREFUSED)");
    expect(startupFailure(new Error("timeout exceeded when trying to connect"), pg)).toBe(
      "DATABASE_URL: PostgreSQL at db.internal:6543/shop did not answer in time",
    );
  });

  it("tells a refused login from a missing database", () => {
    expect(startupFailure({ code: "28P01" }, pg)).toContain("the password was refused");
    expect(startupFailure({ code: "3D000" }, pg)).toContain("the database does not exist");
  });

  it("leaves anything else to be printed whole (a bug, not a setting)", () => {
    expect(startupFailure(new TypeError("x is not a function"), pg)).toBeNull();
    expect(startupFailure({ code: "ECONNREFUSED" }, config())).toBeNull();
  });
});
