import { randomUUID } from "node:crypto";
import { auditLog } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createVerifiedUser } from "../identity";
import { jobHandlers } from "../jobs";
import { audit, currentAuditScope, runInAuditScope, setAuditActor } from "../platform/audit";
import { createTestContext, type TestContext } from "../testing/test-context";
import { diffSides } from "./audit-dto";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t?.close());

const row = async (id: string) => (await t.deps.db.select().from(auditLog).where(eq(auditLog.id, id)))[0]!;

describe("audit scope", () => {
  it("fills actor, role, request id and address from the scope; concurrent scopes keep their own", async () => {
    const [a, b] = await Promise.all(
      ["r-a", "r-b"].map((requestId, i) =>
        runInAuditScope({ requestId, ip: `192.0.2.${i + 1}` }, async () => {
          setAuditActor({ userId: randomUUID(), role: "seller" });
          const actorId = currentAuditScope()!.actorId;
          await new Promise((r) => setTimeout(r, 5));
          // An account that does not exist would break the foreign key: act as the system here.
          const id = await audit(t.deps.db, { actorId: null, action: "probe.run", targetType: "probe" });
          return { id, actorId, written: currentAuditScope()!.written };
        }),
      ),
    );
    expect(await row(a!.id)).toMatchObject({ requestId: "r-a", ip: "192.0.2.1", actorRole: "system" });
    expect(await row(b!.id)).toMatchObject({ requestId: "r-b", ip: "192.0.2.2" });
    expect([a!.written, b!.written, a!.actorId === b!.actorId]).toEqual([1, 1, false]);
  });

  it("takes the scope's actor and role when the entry names none", async () => {
    const user = await createVerifiedUser(t.deps, {
      email: `${randomUUID()}@example.com`,
      name: "Scoped",
      password: "audit-pass-word-1",
      role: "customer",
    });
    const id = await runInAuditScope({ requestId: "r-c", ip: null }, () => {
      setAuditActor({ userId: user.id, role: "seller" });
      return audit(t.deps.db, { action: "probe.run", targetType: "probe" });
    });
    // The role the caller acted in (their session's), not a guess from the account.
    expect(await row(id)).toMatchObject({ actorId: user.id, actorRole: "seller", requestId: "r-c" });
  });

  it("runs every job as the system, with the job's name for a request id, even when started inside a request", async () => {
    const seen: unknown[] = [];
    // The scope a handler runs in, seen from inside it: every handler asks the clock.
    const handlers = jobHandlers({
      ...t.deps,
      now: () => {
        const scope = currentAuditScope();
        seen.push(scope && { role: scope.actorRole, requestId: scope.requestId, actorId: scope.actorId });
        return new Date();
      },
    });
    await runInAuditScope({ requestId: "r-user", ip: "192.0.2.9" }, async () => {
      setAuditActor({ userId: randomUUID(), role: "admin" });
      await handlers["payments.reconcile"]({} as never, { attempt: 1, jobId: "j-7" });
      expect(currentAuditScope()).toMatchObject({ requestId: "r-user", actorRole: "admin" });
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((s) => JSON.stringify(s)))).toEqual(
      new Set([JSON.stringify({ role: "system", requestId: "job:payments.reconcile:j-7", actorId: null })]),
    );
  });
});

describe("diffSides", () => {
  it("lists the keys that changed, sorted, a missing side as null, objects compared by value", () => {
    expect(
      diffSides(
        { status: "approved", fee: { bps: 200, gst: true }, note: "same" },
        { status: "suspended", fee: { gst: true, bps: 200 }, note: "same", reason: "Late" },
      ),
    ).toEqual([
      { key: "reason", from: null, to: "Late" },
      { key: "status", from: "approved", to: "suspended" },
    ]);
    expect(diffSides(null, { title: "New" })).toEqual([{ key: "title", from: null, to: "New" }]);
    expect(diffSides(null, null)).toEqual([]);
  });
});
