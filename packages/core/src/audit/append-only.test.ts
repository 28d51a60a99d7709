import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { auditLog, users } from "@bazaar/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../identity";
import { audit } from "../platform/audit";
import { createTestContext, type TestContext } from "../testing/test-context";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t?.close());

/** The SQLSTATE somewhere in a wrapped driver error. */
function sqlState(e: unknown): string | undefined {
  for (let c = e as { code?: unknown; cause?: unknown } | undefined; c; c = c.cause as typeof c)
    if (typeof c.code === "string" && /^[0-9A-Z]{5}$/.test(c.code)) return c.code;
  return undefined;
}
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "allowed",
    (e: unknown) => `${sqlState(e)} ${String((e as Error).cause ?? e)}`,
  );

async function entry() {
  const user = await createVerifiedUser(t.deps, {
    email: `${randomUUID()}@example.com`,
    name: "Auditor",
    password: "audit-pass-word-1",
    role: "admin",
  });
  const id = await audit(t.deps.db, {
    actorId: user.id,
    action: "seller.suspended",
    targetType: "seller",
    targetId: randomUUID(),
    before: { status: "approved" },
    after: { status: "suspended" },
  });
  return { id, userId: user.id };
}

describe("audit log is append-only", () => {
  it("refuses UPDATE of an entry, whatever the column", async () => {
    const { id } = await entry();
    const action = refusal(
      t.deps.db.update(auditLog).set({ action: "seller.approved" }).where(eq(auditLog.id, id)),
    );
    expect(await action).toMatch(/^P0001 .*audit_log is append-only: UPDATE refused/);
    const data = refusal(t.deps.db.update(auditLog).set({ data: {} }).where(eq(auditLog.id, id)));
    expect(await data).toMatch(/^P0001 /);
    const [row] = await t.deps.db.select().from(auditLog).where(eq(auditLog.id, id));
    expect(row).toMatchObject({ action: "seller.suspended", data: { after: { status: "suspended" } } });
  });

  it("refuses DELETE of an entry and TRUNCATE of the table", async () => {
    const { id } = await entry();
    expect(await refusal(t.deps.db.delete(auditLog).where(eq(auditLog.id, id)))).toMatch(
      /^P0001 .*audit_log is append-only: DELETE refused/,
    );
    expect(await refusal(t.deps.db.execute(sql`truncate audit_log`))).toMatch(
      /^P0001 .*audit_log is append-only: TRUNCATE refused/,
    );
    expect(await t.deps.db.select().from(auditLog).where(eq(auditLog.id, id))).toHaveLength(1);
  });

  it("lets a removed account's entries stay, without the actor (the foreign key's set null)", async () => {
    const { id, userId } = await entry();
    await t.deps.db.delete(users).where(eq(users.id, userId));
    const [row] = await t.deps.db.select().from(auditLog).where(eq(auditLog.id, id));
    expect(row).toMatchObject({ actorId: null, actorRole: "admin", action: "seller.suspended" });
  });
});

/** Every source file of the workspace's packages and apps, tests and generated output aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    if (d.name === "node_modules" || d.name === "dist" || d.name.startsWith(".")) return [];
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return /\.(ts|tsx|sql)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

describe("no code path rewrites the audit log", () => {
  it("has no update or delete of audit_log outside tests (the migration's trigger aside)", () => {
    const root = fileURLToPath(new URL("../../../../", import.meta.url));
    const files = [...sources(join(root, "packages")), ...sources(join(root, "apps"))];
    expect(files.length).toBeGreaterThan(100);
    const writes =
      /\.(update|delete)\(\s*auditLog\b|\b(update|delete\s+from|truncate(\s+table)?)\s+"?audit_log\b/i;
    const offenders = files
      .filter((f) => !/migrations[/\\]/.test(f))
      .filter((f) => writes.test(readFileSync(f, "utf8")))
      .map((f) => relative(root, f));
    expect(offenders).toEqual([]);
  });
});
