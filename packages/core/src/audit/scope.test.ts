import { randomUUID } from "node:crypto";
import { auditLog } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { beginCatalogImport } from "../catalog-csv";
import { createVerifiedUser } from "../identity";
import { jobHandlers } from "../jobs";
import { audit, auditScopeOf, setAuditActor, withAuditScope } from "../platform/audit";
import { catalogFixture } from "../testing/catalog-fixture";
import { createTestContext, type TestContext } from "../testing/test-context";
import { diffSides } from "./audit-dto";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t?.close());

const row = async (id: string) => (await t.deps.db.select().from(auditLog).where(eq(auditLog.id, id)))[0]!;

type Probe = { ids: string[]; actorId: string | null; written: number };

describe("audit scope", () => {
  it("fills request id and address from the handle's scope, through its transactions and savepoints; concurrent scopes keep their own", async () => {
    const [a, b] = (await Promise.all(
      ["r-a", "r-b"].map(async (requestId, i) => {
        const call = withAuditScope(t.deps, { requestId, ip: `192.0.2.${i + 1}` });
        setAuditActor(call.db, { userId: randomUUID(), role: "seller" });
        const actorId = auditScopeOf(call.db)!.actorId;
        await new Promise((r) => setTimeout(r, 5));
        // An account that does not exist would break the foreign key: act as the system here.
        const entry = { actorId: null, action: "probe.run", targetType: "probe" };
        const ids = [await audit(call.db, entry)];
        await call.db.transaction(async (tx) => {
          ids.push(await audit(tx, entry));
          await tx.transaction(async (savepoint) => void ids.push(await audit(savepoint, entry)));
        });
        return { ids, actorId, written: auditScopeOf(call.db)!.written };
      }),
    )) as [Probe, Probe];
    for (const id of a.ids)
      expect(await row(id)).toMatchObject({ requestId: "r-a", ip: "192.0.2.1", actorRole: "system" });
    for (const id of b.ids) expect(await row(id)).toMatchObject({ requestId: "r-b", ip: "192.0.2.2" });
    expect([a.written, b.written, a.actorId === b.actorId]).toEqual([3, 3, false]);
    // The database itself carries no scope: an entry written through it names no request.
    const bare = await audit(t.deps.db, { actorId: null, action: "probe.run", targetType: "probe" });
    expect(await row(bare)).toMatchObject({ requestId: null, ip: null });
    expect(auditScopeOf(t.deps.db)).toBeUndefined();
  });

  it("takes the scope's actor and role when the entry names none", async () => {
    const user = await createVerifiedUser(t.deps, {
      email: `${randomUUID()}@example.com`,
      name: "Scoped",
      password: "audit-pass-word-1",
      role: "customer",
    });
    const call = withAuditScope(t.deps, { requestId: "r-c", ip: null });
    setAuditActor(call.db, { userId: user.id, role: "seller" });
    const id = await audit(call.db, { action: "probe.run", targetType: "probe" });
    // The role the caller acted in (their session's), not a guess from the account.
    expect(await row(id)).toMatchObject({ actorId: user.id, actorRole: "seller", requestId: "r-c" });
  });

  it("runs a job in its own scope, with the job's name for a request id, even when started inside a request", async () => {
    const fx = catalogFixture(t.deps);
    const category = await fx.category(`Scoped ${randomUUID().slice(0, 6)}`);
    const s = await fx.seller();
    const seller = { userId: s.userId, role: "seller" as const, sessionId: randomUUID(), sellerId: s.id };
    const request = withAuditScope(t.deps, { requestId: "r-user", ip: "192.0.2.9" });
    setAuditActor(request.db, seller);
    const csv = [
      "handle,title,category,option1_name,option1_value,sku,price_rupees,stock",
      `kurta,Scoped kurta,${category.slug},Size,M,SC-${randomUUID().slice(0, 8)},999.00,3`,
    ].join("\n");
    const { importId } = await beginCatalogImport(request, seller, {
      filename: "c.csv",
      bytes: Buffer.from(csv),
    });
    // The handlers are made from the request's deps, as the in-process runner's would be.
    await jobHandlers(request)["catalog.import"]({ importId }, { attempt: 1, jobId: "j-7" });
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.actorId, s.userId));
    const byJob = entries.filter((e) => e.requestId === "job:catalog.import:j-7");
    expect(byJob.length).toBeGreaterThan(0);
    for (const e of byJob) expect(e).toMatchObject({ actorRole: "seller", ip: null });
    // The request's own scope is as it was: the job's actor and counts are its own.
    expect(auditScopeOf(request.db)).toMatchObject({
      requestId: "r-user",
      ip: "192.0.2.9",
      actorId: s.userId,
    });
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
