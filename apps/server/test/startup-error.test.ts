import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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

  it("names DATA_DIR when the embedded database or a file under it cannot be written there", () => {
    const embedded = config();
    expect(
      startupFailure({ code: "EACCES", path: "/tmp/bazaar-startup-error-test/pglite.copying" }, embedded),
    ).toBe(
      "DATA_DIR /tmp/bazaar-startup-error-test: cannot write /tmp/bazaar-startup-error-test/pglite.copying (permission denied): set DATA_DIR to a writable directory",
    );
    // PGlite's own file system says it with an errno number only.
    expect(startupFailure(Object.assign(new Error(), { name: "ErrnoError", errno: 54 }), embedded)).toBe(
      "DATA_DIR /tmp/bazaar-startup-error-test: the embedded database cannot use /tmp/bazaar-startup-error-test/pglite (a file is in the way): set DATA_DIR to a writable directory",
    );
    // A path elsewhere is not the setting's fault.
    expect(startupFailure({ code: "EACCES", path: "/etc/ssl/key.pem" }, embedded)).toBeNull();
  });

  it("names DATA_DIR, in the configuration's own error, when the directory cannot be made", () => {
    const file = join(mkdtempSync(join(tmpdir(), "bazaar-data-dir-")), "a-file");
    writeFileSync(file, "");
    expect(() => loadConfig({ DATA_DIR: join(file, "data") })).toThrow(
      `DATA_DIR ${file}/data: cannot write ${file}/data/auth-secret (ENOTDIR): set DATA_DIR to a writable directory, or AUTH_SECRET`,
    );
    rmSync(dirname(file), { recursive: true });
  });

  it("leaves anything else to be printed whole (a bug, not a setting)", () => {
    expect(startupFailure(new TypeError("x is not a function"), pg)).toBeNull();
    expect(startupFailure({ code: "ECONNREFUSED" }, config())).toBeNull();
  });
});
