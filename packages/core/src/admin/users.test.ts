import { randomUUID } from "node:crypto";
import { auditLog } from "@bazaar/db";
import type { Role } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, createVerifiedUser, refreshSession } from "../identity";
import { createTestContext, signInForTest as login, rejects, type TestContext } from "../testing";
import { listUsers, setUserStatus } from "./index";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const phone = { ip: "198.51.100.1", userAgent: "Bazaar iOS" };
const laptop = { ip: "198.51.100.2", userAgent: "Firefox" };
const PASSWORD = "s3cret-pass";

/** An account of the test's own; `tag` goes into its email and name so a search finds only it. */
async function account(role: Role = "customer", tag = randomUUID().slice(0, 8), name = `User ${tag}`) {
  const user = await createVerifiedUser(t.deps, {
    email: `${role}-${tag}-${randomUUID().slice(0, 6)}@example.com`,
    name,
    password: PASSWORD,
    role,
  });
  return {
    ...user,
    signIn: (origin = laptop) => login(t.deps, origin, { email: user.email, password: PASSWORD }),
  };
}

/** An admin signed in, as the API would pass them. */
async function newAdmin() {
  const a = await account("admin");
  return { ...a, actor: await authenticate(t.deps, (await a.signIn()).accessToken) };
}

const auditOf = (userId: string) =>
  t.deps.db
    .select({ action: auditLog.action, actorId: auditLog.actorId, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, userId)))
    .orderBy(auditLog.createdAt);

describe("setUserStatus", () => {
  it("suspending signs the user out on every device at once, tells them why, and is audited", async () => {
    const admin = await newAdmin();
    const u = await account();
    const onPhone = await u.signIn(phone);
    const onLaptop = await u.signIn(laptop);
    const dto = await setUserStatus(t.deps, admin.actor, {
      userId: u.id,
      status: "suspended",
      reason: "Chargeback fraud",
    });
    expect(dto).toMatchObject({ id: u.id, status: "suspended", statusReason: "Chargeback fraud" });
    for (const s of [onPhone, onLaptop]) {
      expect((await rejects(authenticate(t.deps, s.accessToken))).reason).toBe("auth.session_ended");
      expect((await rejects(refreshSession(t.deps, laptop, s.refreshToken))).code).toBe("UNAUTHORIZED");
    }
    expect((await rejects(u.signIn())).reason).toBe("auth.account_suspended");
    const mail = await t.lastEmailTo(u.email);
    expect([mail.subject, mail.text]).toEqual([
      "Your Bazaar account is suspended",
      expect.stringContaining("Reason: Chargeback fraud"),
    ]);
    expect(await auditOf(u.id)).toEqual([
      {
        action: "user.status_changed",
        actorId: admin.id,
        data: { before: { status: "active" }, after: { status: "suspended" }, reason: "Chargeback fraud" },
      },
    ]);
  });

  it("reinstating lets the user sign in again, while the old sessions stay ended", async () => {
    const admin = await newAdmin();
    const u = await account();
    const before = await u.signIn();
    await setUserStatus(t.deps, admin.actor, { userId: u.id, status: "suspended", reason: "Under review" });
    const back = await setUserStatus(t.deps, admin.actor, {
      userId: u.id,
      status: "active",
      reason: "Cleared",
    });
    expect(back).toMatchObject({ status: "active", statusReason: "Cleared" });
    expect((await rejects(authenticate(t.deps, before.accessToken))).reason).toBe("auth.session_ended");
    const again = await u.signIn();
    expect(await authenticate(t.deps, again.accessToken)).toMatchObject({ userId: u.id });
    expect((await t.lastEmailTo(u.email)).subject).toBe("Your Bazaar account is active");
    expect((await auditOf(u.id)).map((a) => a.data)).toEqual([
      { before: { status: "active" }, after: { status: "suspended" }, reason: "Under review" },
      { before: { status: "suspended" }, after: { status: "active" }, reason: "Cleared" },
    ]);
  });

  it("deactivating signs the user out too, and sign-in says the account is deactivated", async () => {
    const admin = await newAdmin();
    const u = await account("seller");
    const s = await u.signIn();
    await setUserStatus(t.deps, admin.actor, {
      userId: u.id,
      status: "deactivated",
      reason: "Asked to close",
    });
    expect((await rejects(authenticate(t.deps, s.accessToken))).reason).toBe("auth.session_ended");
    const refused = await rejects(u.signIn());
    expect([refused.code, refused.reason]).toEqual(["FORBIDDEN", "auth.account_deactivated"]);
  });

  it("setting the status an account already has changes nothing, sends nothing and audits nothing", async () => {
    const admin = await newAdmin();
    const u = await account();
    const s = await u.signIn();
    const same = await setUserStatus(t.deps, admin.actor, {
      userId: u.id,
      status: "active",
      reason: "No change",
    });
    expect(same).toMatchObject({ status: "active", statusReason: null });
    await authenticate(t.deps, s.accessToken);
    expect(await t.emailsTo(u.email)).toEqual([]);
    expect(await auditOf(u.id)).toEqual([]);
  });

  it("refuses an admin's own account, an unknown one and a reason too short to mean anything", async () => {
    const admin = await newAdmin();
    const self = await rejects(
      setUserStatus(t.deps, admin.actor, { userId: admin.id, status: "suspended", reason: "Oops" }),
    );
    expect([self.code, self.reason]).toEqual(["INVALID_STATE", "user.self_status"]);
    await authenticate(t.deps, (await admin.signIn()).accessToken);
    expect(await auditOf(admin.id)).toEqual([]);
    const ghost = await rejects(
      setUserStatus(t.deps, admin.actor, { userId: randomUUID(), status: "suspended", reason: "Nobody" }),
    );
    expect([ghost.code, ghost.reason]).toEqual(["NOT_FOUND", "user.not_found"]);
    const u = await account();
    await expect(
      setUserStatus(t.deps, admin.actor, { userId: u.id, status: "suspended", reason: "x" }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["reason"] })] });
  });
});

describe("listUsers", () => {
  it("filters by role, status and a search of email or name, newest first, a page at a time", async () => {
    const admin = await newAdmin();
    // One tag for this test's accounts: the search then finds only them.
    const tag = `t${randomUUID().slice(0, 8)}`;
    const made = [];
    for (const role of ["customer", "seller", "customer"] as const) {
      made.push(await account(role, tag));
      t.advance(1_000);
    }
    const byName = await account("customer", randomUUID().slice(0, 8), `Priya ${tag.toUpperCase()}`);
    await setUserStatus(t.deps, admin.actor, { userId: made[2]!.id, status: "suspended", reason: "Spam" });
    const ids = async (input: Parameters<typeof listUsers>[2]) =>
      (await listUsers(t.deps, admin.actor, input)).items.map((u) => u.id);

    expect(await ids({ q: tag })).toEqual([byName.id, made[2]!.id, made[1]!.id, made[0]!.id]);
    expect(await ids({ q: tag, role: "seller" })).toEqual([made[1]!.id]);
    expect(await ids({ q: tag, status: "suspended" })).toEqual([made[2]!.id]);
    expect(await ids({ q: tag, role: "customer", status: "active" })).toEqual([byName.id, made[0]!.id]);

    const first = await listUsers(t.deps, admin.actor, { q: tag, limit: 3 });
    const rest = await listUsers(t.deps, admin.actor, { q: tag, limit: 3, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].map((u) => u.id)).toEqual(await ids({ q: tag }));
    expect(rest.nextCursor).toBeNull();
  });

  it("takes % and _ in a search literally", async () => {
    const admin = await newAdmin();
    const tag = randomUUID().slice(0, 8);
    const literal = await account("customer", tag, `50%_off ${tag}`);
    await account("customer", tag, `50 percent off ${tag}`);
    expect((await listUsers(t.deps, admin.actor, { q: `50%_off ${tag}` })).items.map((u) => u.id)).toEqual([
      literal.id,
    ]);
    expect((await listUsers(t.deps, admin.actor, { q: `%${tag}` })).items).toEqual([]);
  });
});
