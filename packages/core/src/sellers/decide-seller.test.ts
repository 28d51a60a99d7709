import { auditLog, sellers, users } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestContext, type TestContext } from "../testing";
import { application, insertProduct, newActor } from "../testing/seller-fixture";
import { applyToSell } from "./apply-to-sell";
import { approveSeller } from "./approve-seller";
import { getShopBySlug } from "./get-shop";
import { reinstateSeller } from "./reinstate-seller";
import { rejectSeller } from "./reject-seller";
import { requireApprovedSeller } from "./require-seller";
import { suspendSeller } from "./suspend-seller";
import { canDecide, type SellerDecision } from "./transitions";

let t: TestContext;
let admin: Awaited<ReturnType<typeof newActor>>;
beforeAll(async () => {
  t = await createTestContext();
  admin = await newActor(t, "admin");
});
afterAll(() => t.close());

async function applicant(shopName: string) {
  const a = await newActor(t, "customer", `Owner of ${shopName}`);
  const seller = await applyToSell(t.deps, a.actor, application({ shopName }));
  return { ...a, seller };
}
const roleOf = async (userId: string) =>
  (await t.deps.db.select({ role: users.role }).from(users).where(eq(users.id, userId)))[0]!.role;

describe("seller decisions", () => {
  it("approve: the account becomes a seller, seller procedures open, the applicant is emailed", async () => {
    const a = await applicant("Jaipur Blue Pottery");
    await expect(requireApprovedSeller(t.deps, a.actor)).rejects.toMatchObject({
      reason: "seller.not_approved",
    });
    const approved = await approveSeller(t.deps, admin.actor, { sellerId: a.seller.id });
    expect(approved).toMatchObject({ status: "approved", statusReason: null });
    expect(approved.decidedAt).toBeInstanceOf(Date);
    expect(await roleOf(a.user.id)).toBe("seller");
    expect(await requireApprovedSeller(t.deps, { ...a.actor, role: "seller" })).toMatchObject({
      sellerId: a.seller.id,
    });

    const mail = await t.lastEmailTo(a.user.email);
    expect(mail.subject).toBe("Your shop Jaipur Blue Pottery is approved");
    expect(mail.text).toContain("http://seller.test");
    expect(mail.html).toContain("Open seller dashboard");
    expect(mail.text).not.toContain("50100234567812");

    const logs = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, a.seller.id), eq(auditLog.action, "seller.approve")));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      actorId: admin.user.id,
      data: { before: { status: "pending" }, after: { status: "approved" } },
    });
  });

  it("reject: says why, by email too", async () => {
    const a = await applicant("Kolkata Sweets");
    const r = await rejectSeller(t.deps, admin.actor, {
      sellerId: a.seller.id,
      reason: "FSSAI licence missing",
    });
    expect(r).toMatchObject({ status: "rejected", statusReason: "FSSAI licence missing" });
    expect(await roleOf(a.user.id)).toBe("customer");
    const mail = await t.lastEmailTo(a.user.email);
    expect(mail.subject).toBe("Your application for Kolkata Sweets was not approved");
    expect(mail.text).toContain("Reason: FSSAI licence missing");
    expect(mail.html).toContain("FSSAI licence missing");
  });

  it("suspend: seller procedures refuse at once and the shop and its products leave the storefront; reinstate brings them back", async () => {
    const a = await applicant("Mysore Sandal Crafts");
    await approveSeller(t.deps, admin.actor, { sellerId: a.seller.id });
    const seller = { ...a.actor, role: "seller" as const };
    await insertProduct(t, a.seller.id, "approved");
    await insertProduct(t, a.seller.id, "approved");
    await insertProduct(t, a.seller.id, "draft");

    const shop = await getShopBySlug(t.deps, { slug: a.seller.slug });
    expect(shop).toMatchObject({ id: a.seller.id, shopName: "Mysore Sandal Crafts", productCount: 2 });

    const s = await suspendSeller(t.deps, admin.actor, {
      sellerId: a.seller.id,
      reason: "Counterfeit goods",
    });
    expect(s).toMatchObject({ status: "suspended", statusReason: "Counterfeit goods" });
    await expect(requireApprovedSeller(t.deps, seller)).rejects.toMatchObject({
      code: "FORBIDDEN",
      reason: "seller.suspended",
    });
    // The cached shop page is gone at once, not after its TTL.
    await expect(getShopBySlug(t.deps, { slug: a.seller.slug })).rejects.toMatchObject({
      code: "NOT_FOUND",
      reason: "shop.not_found",
    });
    expect((await t.lastEmailTo(a.user.email)).text).toContain("Reason: Counterfeit goods");
    expect(await roleOf(a.user.id)).toBe("seller");

    const back = await reinstateSeller(t.deps, admin.actor, { sellerId: a.seller.id });
    expect(back).toMatchObject({ status: "approved", statusReason: null });
    await requireApprovedSeller(t.deps, seller);
    expect((await getShopBySlug(t.deps, { slug: a.seller.slug })).productCount).toBe(2);
    expect((await t.lastEmailTo(a.user.email)).subject).toBe("Your shop Mysore Sandal Crafts is open again");
  });

  it("refuses every transition the table does not allow, changing nothing", async () => {
    const attempts: Record<SellerDecision, (sellerId: string) => Promise<unknown>> = {
      approve: (sellerId) => approveSeller(t.deps, admin.actor, { sellerId }),
      reject: (sellerId) => rejectSeller(t.deps, admin.actor, { sellerId, reason: "not this time" }),
      suspend: (sellerId) => suspendSeller(t.deps, admin.actor, { sellerId, reason: "policy breach" }),
      reinstate: (sellerId) => reinstateSeller(t.deps, admin.actor, { sellerId }),
    };
    // One seller in each status.
    const pending = await applicant("State Pending");
    const approved = await applicant("State Approved");
    await approveSeller(t.deps, admin.actor, { sellerId: approved.seller.id });
    const rejected = await applicant("State Rejected");
    await rejectSeller(t.deps, admin.actor, { sellerId: rejected.seller.id, reason: "incomplete" });
    const suspended = await applicant("State Suspended");
    await approveSeller(t.deps, admin.actor, { sellerId: suspended.seller.id });
    await suspendSeller(t.deps, admin.actor, { sellerId: suspended.seller.id, reason: "fraud check" });
    const byStatus = {
      pending: pending.seller.id,
      approved: approved.seller.id,
      rejected: rejected.seller.id,
      suspended: suspended.seller.id,
    };

    let refused = 0;
    for (const [status, sellerId] of Object.entries(byStatus) as [keyof typeof byStatus, string][]) {
      for (const decision of Object.keys(attempts) as SellerDecision[]) {
        if (canDecide(decision, status)) continue;
        await expect(attempts[decision](sellerId), `${decision} from ${status}`).rejects.toMatchObject({
          code: "INVALID_STATE",
          reason: "seller.invalid_transition",
          details: { from: status, decision },
        });
        const [row] = await t.deps.db.select().from(sellers).where(eq(sellers.id, sellerId));
        expect(row!.status).toBe(status);
        refused++;
      }
    }
    expect(refused).toBe(12);
    await expect(approveSeller(t.deps, admin.actor, { sellerId: crypto.randomUUID() })).rejects.toMatchObject(
      { code: "NOT_FOUND", reason: "seller.not_found" },
    );
  });

  it("lets exactly one of two concurrent decisions on the same application win", async () => {
    const a = await applicant("Race Condition Traders");
    const results = await Promise.allSettled([
      approveSeller(t.deps, admin.actor, { sellerId: a.seller.id }),
      rejectSeller(t.deps, admin.actor, { sellerId: a.seller.id, reason: "duplicate" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { reason: "seller.invalid_transition" },
    });
  });

  it("a decision racing the applicant's own re-submission neither deadlocks nor double-applies", async () => {
    for (let i = 0; i < 5; i++) {
      const a = await applicant(`Deadlock Free ${i}`);
      const [decided, resubmitted] = await Promise.allSettled([
        approveSeller(t.deps, admin.actor, { sellerId: a.seller.id }),
        applyToSell(t.deps, a.actor, application({ shopName: `Deadlock Free ${i}` })),
      ]);
      expect(decided.status).toBe("fulfilled");
      expect(resubmitted).toMatchObject({ status: "rejected", reason: { code: "CONFLICT" } });
    }
  });

  it("requires a reason to reject or suspend", async () => {
    const a = await applicant("No Reason Given");
    await expect(
      rejectSeller(t.deps, admin.actor, { sellerId: a.seller.id, reason: "" }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      suspendSeller(t.deps, admin.actor, { sellerId: a.seller.id } as never),
    ).rejects.toBeInstanceOf(ZodError);
  });
});
