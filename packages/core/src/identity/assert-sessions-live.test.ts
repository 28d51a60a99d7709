import { randomUUID } from "node:crypto";
import { sessions } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, signInForTest as login, rejects, type TestContext } from "../testing";
import { assertSessionLiveBatched } from "./assert-sessions-live";
import { createVerifiedUser } from "./create-user";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function session() {
  const email = `s-${randomUUID()}@example.com`;
  await createVerifiedUser(t.deps, { email, name: "Stream Tab", password: "pass-word-1", role: "customer" });
  const s = await login(t.deps, { ip: null, userAgent: null }, { email, password: "pass-word-1" });
  return { userId: s.user.id, sessionId: s.sessionId };
}

describe("batched session checks for live streams", () => {
  it("judges every check of one turn on its own, from one read", async () => {
    const [live, revoked, other] = [await session(), await session(), await session()];
    await t.deps.db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, revoked.sessionId));
    const checks = [
      assertSessionLiveBatched(t.deps, live),
      assertSessionLiveBatched(t.deps, live),
      assertSessionLiveBatched(t.deps, revoked),
      // A token naming someone else's session.
      assertSessionLiveBatched(t.deps, { userId: live.userId, sessionId: other.sessionId }),
      assertSessionLiveBatched(t.deps, { userId: live.userId, sessionId: randomUUID() }),
    ];
    const [a, b] = await Promise.all(checks.slice(0, 2));
    expect(a).toEqual({ userId: live.userId, role: "customer", sessionId: live.sessionId });
    expect(b).toEqual(a);
    for (const p of checks.slice(2)) {
      const e = await rejects(p);
      expect([e.code, e.reason]).toEqual(["UNAUTHORIZED", "auth.session_ended"]);
    }
  });
});
