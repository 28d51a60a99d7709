import { auditLog, sellers, users } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestContext, type TestContext } from "../testing";
import { application, newActor } from "../testing/seller-fixture";
import { applyToSell } from "./apply-to-sell";
import { decryptBankAccount } from "./bank-account";
import { getMySeller } from "./get-my-seller";
import { rejectSeller } from "./reject-seller";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const rawRow = async (id: string) => (await t.deps.db.select().from(sellers).where(eq(sellers.id, id)))[0]!;

describe("applying to sell", () => {
  it("creates a pending application with a slug from the shop name and the bank number masked", async () => {
    const { actor } = await newActor(t);
    expect(await getMySeller(t.deps, actor)).toBeNull();
    const s = await applyToSell(t.deps, actor, application({ shopName: "Ravi's Handloom  Sarees" }));
    expect(s).toMatchObject({
      userId: actor.userId,
      shopName: "Ravi's Handloom  Sarees",
      slug: "ravi-s-handloom-sarees",
      status: "pending",
      contactPhone: "+919876543210",
      gstin: "33AAKFL4821M1Z6",
      bankAccount: { holder: "Lakshmi Silks", numberMasked: "XXXXXX7812", ifsc: "HDFC0001234" },
      commissionBps: null,
      effectiveCommissionBps: 1000,
      codEnabled: true,
      logoUrl: null,
      decidedAt: null,
    });
    expect(JSON.stringify(s)).not.toContain("50100234567812");
    expect(await getMySeller(t.deps, actor)).toEqual(s);

    const row = await rawRow(s.id);
    expect(row.bankAccountEncrypted).not.toContain("50100234567812");
    expect(row.bankAccountEncrypted).not.toContain("4567812");
    expect(row.bankAccountLast4).toBe("7812");
    expect(decryptBankAccount(t.deps, row.bankAccountEncrypted)).toBe("50100234567812");
    const [log] = await t.deps.db.select().from(auditLog).where(eq(auditLog.targetId, s.id));
    expect(log).toMatchObject({ action: "seller.applied", actorId: actor.userId });
    expect(JSON.stringify(log!.data)).not.toContain("50100234567812");
  });

  it("suffixes a taken slug -2, -3…, whether derived or asked for", async () => {
    const slugs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { actor } = await newActor(t);
      slugs.push((await applyToSell(t.deps, actor, application({ shopName: "Chai Point" }))).slug);
    }
    expect(slugs).toEqual(["chai-point", "chai-point-2", "chai-point-3"]);
    const { actor } = await newActor(t);
    const asked = await applyToSell(t.deps, actor, application({ shopName: "Other", slug: "chai-point" }));
    expect(asked.slug).toBe("chai-point-4");
  });

  it("gives racing applicants for the same name distinct slugs", async () => {
    const actors = await Promise.all([1, 2, 3, 4].map(() => newActor(t)));
    const results = await Promise.all(
      actors.map(({ actor }) => applyToSell(t.deps, actor, application({ shopName: "Masala Box" }))),
    );
    expect(new Set(results.map((r) => r.slug))).toEqual(
      new Set(["masala-box", "masala-box-2", "masala-box-3", "masala-box-4"]),
    );
  });

  it("makes a usable slug from a name with no Latin letters", async () => {
    const { actor } = await newActor(t);
    const s = await applyToSell(t.deps, actor, application({ shopName: "सुंदर साड़ी" }));
    expect(s.slug).toMatch(/^shop(-\d+)?$/);
  });

  it("refuses a second application while one is pending, and an admin account", async () => {
    const { actor } = await newActor(t);
    await applyToSell(t.deps, actor, application({ shopName: "Once Only" }));
    await expect(applyToSell(t.deps, actor, application({ shopName: "Twice" }))).rejects.toMatchObject({
      code: "CONFLICT",
      reason: "seller.already_applied",
    });
    const admin = await newActor(t, "admin");
    await expect(applyToSell(t.deps, admin.actor, application())).rejects.toMatchObject({
      code: "FORBIDDEN",
      reason: "seller.admin_cannot_apply",
    });
  });

  it("refuses an account whose email is not verified", async () => {
    const { user, actor } = await newActor(t);
    await t.deps.db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, user.id));
    await expect(applyToSell(t.deps, actor, application())).rejects.toMatchObject({
      code: "FORBIDDEN",
      reason: "seller.email_not_verified",
    });
  });

  it("after a rejection, re-applying reuses the row and sets it pending again", async () => {
    const admin = await newActor(t, "admin");
    const { actor } = await newActor(t);
    const first = await applyToSell(t.deps, actor, application({ shopName: "Spice Route" }));
    const rejected = await rejectSeller(t.deps, admin.actor, {
      sellerId: first.id,
      reason: "The GSTIN does not match the PAN",
    });
    expect(rejected).toMatchObject({ status: "rejected", statusReason: "The GSTIN does not match the PAN" });
    expect(rejected.decidedAt).toBeInstanceOf(Date);

    const again = await applyToSell(
      t.deps,
      actor,
      application({
        shopName: "Spice Route",
        bankAccount: { holder: "Spice Route LLP", number: "999988887777", ifsc: "SBIN0031234" },
      }),
    );
    expect(again).toMatchObject({
      id: first.id,
      slug: "spice-route",
      status: "pending",
      statusReason: null,
      decidedAt: null,
      bankAccount: { holder: "Spice Route LLP", numberMasked: "XXXXXX7777", ifsc: "SBIN0031234" },
    });
    expect(decryptBankAccount(t.deps, (await rawRow(first.id)).bankAccountEncrypted)).toBe("999988887777");
    expect(await t.deps.db.select().from(sellers).where(eq(sellers.userId, actor.userId))).toHaveLength(1);
  });

  it("rejects bad input with field errors", async () => {
    const { actor } = await newActor(t);
    const err = await applyToSell(
      t.deps,
      actor,
      application({
        shopName: "",
        slug: "Not A Slug!",
        gstin: "12345",
        bankAccount: { holder: "X Y", number: "12ab", ifsc: "HDFC1234567" },
      }),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(ZodError);
    const paths = (err as ZodError).issues.map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining(["shopName", "slug", "gstin", "bankAccount.number", "bankAccount.ifsc"]),
    );
  });
});
