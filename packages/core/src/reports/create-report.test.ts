import { reportCases, reports, reviews, sellers } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createTestContext, rejects, type TestContext } from "../testing";
import { createReport } from "./create-report";
import { getReportCase } from "./get-report-case";
import { listReportCases } from "./list-report-cases";
import { resolveReportCase } from "./resolve-report-case";
import { reportsWorld } from "./test-world";

let t: TestContext;
let w: ReturnType<typeof reportsWorld>;
let admin: Awaited<ReturnType<ReturnType<typeof reportsWorld>["user"]>>;
beforeAll(async () => {
  t = await createTestContext({ limits: { "report.create.account": { points: 5, duration: 3600 } } });
  w = reportsWorld(t);
  admin = await w.user("admin");
});
afterAll(() => t.close());

const casesOf = (targetId: string) =>
  t.deps.db.select().from(reportCases).where(eq(reportCases.targetId, targetId));

async function zodPaths(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ZodError);
  return (e as ZodError).issues.map((i) => i.path.join("."));
}

describe("reporting", () => {
  it("groups every report of a target into one case, counted exactly, with reasons and notes for the admin", async () => {
    const { product, seller } = await shopWithContent();
    const a = await w.user();
    const b = await w.user();
    const c = await w.user();
    const first = await createReport(t.deps, a.actor, {
      targetType: "product",
      targetId: product.id,
      reason: "counterfeit",
    });
    const second = await createReport(t.deps, b.actor, {
      targetType: "product",
      targetId: product.id,
      reason: "counterfeit",
      note: "The logo is a copy",
    });
    const third = await createReport(t.deps, c.actor, {
      targetType: "product",
      targetId: product.id,
      reason: "other",
      note: "Photos stolen from my shop",
    });
    expect(first).toMatchObject({ alreadyReported: false });
    expect(second.caseId).toBe(first.caseId);
    expect(third.caseId).toBe(first.caseId);
    const cases = await casesOf(product.id);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ status: "open", reportCount: 3, targetType: "product" });

    const page = await listReportCases(t.deps, admin.actor, {
      status: "open",
      targetType: "product",
      limit: 100,
    });
    const row = page.items.find((i) => i.id === first.caseId)!;
    expect(row).toMatchObject({
      reportCount: 3,
      reasons: [
        { reason: "counterfeit", count: 2 },
        { reason: "other", count: 1 },
      ],
      target: {
        type: "product",
        exists: true,
        title: product.title,
        product: { id: product.id, slug: product.slug, status: "approved" },
        shop: { id: seller.id, shopName: seller.shopName, status: "approved" },
      },
    });
    expect(row.latestNotes.map((n) => n.note).sort()).toEqual([
      "Photos stolen from my shop",
      "The logo is a copy",
    ]);

    const full = await getReportCase(t.deps, admin.actor, { id: first.caseId });
    expect(full.reports).toHaveLength(3);
    expect(full.reports.map((r) => r.reporter.id).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it("reporters racing to be first end in one case with every report counted", async () => {
    const { review } = await shopWithContent();
    const reporters = await Promise.all(Array.from({ length: 8 }, () => w.user()));
    const receipts = await Promise.all(
      reporters.map((r) =>
        createReport(t.deps, r.actor, { targetType: "review", targetId: review.id, reason: "spam" }),
      ),
    );
    expect(new Set(receipts.map((r) => r.caseId)).size).toBe(1);
    const cases = await casesOf(review.id);
    expect(cases).toHaveLength(1);
    expect(cases[0]!.reportCount).toBe(8);
    const rows = await t.deps.db.select().from(reports).where(eq(reports.caseId, cases[0]!.id));
    expect(rows).toHaveLength(8);
  });

  it("one report per user per case: a second (even at the same moment) records nothing and says so", async () => {
    const { question } = await shopWithContent();
    const me = await w.user();
    const input = { targetType: "question", targetId: question.id, reason: "offensive" } as const;
    const [x, y] = await Promise.all([
      createReport(t.deps, me.actor, input),
      createReport(t.deps, me.actor, input),
    ]);
    expect(x.reportId).toBe(y.reportId);
    expect([x.alreadyReported, y.alreadyReported].sort()).toEqual([false, true]);
    const again = await createReport(t.deps, me.actor, { ...input, reason: "spam" });
    expect(again).toEqual({ caseId: x.caseId, reportId: x.reportId, alreadyReported: true });
    expect((await casesOf(question.id))[0]!.reportCount).toBe(1);
  });

  it("after a decision, a new report opens a new case", async () => {
    const { answer } = await shopWithContent();
    const first = await createReport(t.deps, (await w.user()).actor, {
      targetType: "answer",
      targetId: answer.id,
      reason: "misleading",
    });
    await resolveReportCase(t.deps, admin.actor, { id: first.caseId, action: "dismiss" });
    const second = await createReport(t.deps, (await w.user()).actor, {
      targetType: "answer",
      targetId: answer.id,
      reason: "misleading",
    });
    expect(second.caseId).not.toBe(first.caseId);
    const cases = await casesOf(answer.id);
    expect(cases.map((c) => c.status).sort()).toEqual(["dismissed", "open"]);
  });

  it("reports racing an admin's decision land in the decided case or a new open one, counts exact", async () => {
    const { product } = await shopWithContent();
    const first = await createReport(t.deps, (await w.user()).actor, {
      targetType: "product",
      targetId: product.id,
      reason: "spam",
    });
    const late = await Promise.all(Array.from({ length: 6 }, () => w.user()));
    await Promise.all([
      resolveReportCase(t.deps, admin.actor, { id: first.caseId, action: "dismiss" }),
      ...late.map((u) =>
        createReport(t.deps, u.actor, { targetType: "product", targetId: product.id, reason: "misleading" }),
      ),
    ]);
    const cases = await casesOf(product.id);
    expect(cases.filter((c) => c.status === "open").length).toBeLessThanOrEqual(1);
    let total = 0;
    for (const c of cases) {
      const rows = await t.deps.db.select().from(reports).where(eq(reports.caseId, c.id));
      expect(c.reportCount).toBe(rows.length);
      total += rows.length;
    }
    expect(total).toBe(7);
  });

  it("a shop can be reported too; the queue shows its name", async () => {
    const { seller } = await shopWithContent();
    const r = await createReport(t.deps, (await w.user()).actor, {
      targetType: "shop",
      targetId: seller.id,
      reason: "prohibited",
    });
    const c = await getReportCase(t.deps, admin.actor, { id: r.caseId });
    expect(c.target).toMatchObject({
      type: "shop",
      exists: true,
      title: seller.shopName,
      status: "approved",
    });
  });

  it("a missing or hidden target, or one off the storefront, is not found", async () => {
    const { review, product, seller } = await shopWithContent();
    const me = await w.user();
    const missing = await rejects(
      createReport(t.deps, me.actor, {
        targetType: "product",
        targetId: crypto.randomUUID(),
        reason: "spam",
      }),
    );
    expect(missing).toMatchObject({ code: "NOT_FOUND", reason: "report.product_not_found" });

    await t.deps.db.update(reviews).set({ status: "hidden" }).where(eq(reviews.id, review.id));
    const hidden = await rejects(
      createReport(t.deps, me.actor, { targetType: "review", targetId: review.id, reason: "spam" }),
    );
    expect(hidden).toMatchObject({ code: "NOT_FOUND", reason: "report.review_not_found" });

    await t.deps.db.update(sellers).set({ status: "suspended" }).where(eq(sellers.id, seller.id));
    const offSale = await rejects(
      createReport(t.deps, me.actor, { targetType: "product", targetId: product.id, reason: "spam" }),
    );
    expect(offSale).toMatchObject({ code: "NOT_FOUND", reason: "report.product_not_found" });
    const shop = await rejects(
      createReport(t.deps, me.actor, { targetType: "shop", targetId: seller.id, reason: "spam" }),
    );
    expect(shop).toMatchObject({ code: "NOT_FOUND", reason: "report.shop_not_found" });
    expect(await casesOf(product.id)).toHaveLength(0);
  });

  it("bad input names the field: a note is required for 'other', the target type and reason must be known", async () => {
    const { product } = await shopWithContent();
    const me = await w.user();
    expect(
      await zodPaths(
        createReport(t.deps, me.actor, { targetType: "product", targetId: product.id, reason: "other" }),
      ),
    ).toEqual(["note"]);
    expect(
      await zodPaths(
        createReport(t.deps, me.actor, {
          targetType: "seller" as never,
          targetId: "nope",
          reason: "rude" as never,
        }),
      ),
    ).toEqual(["targetType", "targetId", "reason"]);
    expect(
      await zodPaths(
        createReport(t.deps, me.actor, {
          targetType: "product",
          targetId: product.id,
          reason: "spam",
          note: "nul \u0000 byte",
        }),
      ),
    ).toEqual(["note"]);
  });

  it("one account can only file so many reports an hour", async () => {
    const me = await w.user();
    for (let i = 0; i < 5; i++) {
      const { product } = await shopWithContent();
      await createReport(t.deps, me.actor, { targetType: "product", targetId: product.id, reason: "spam" });
    }
    const { product } = await shopWithContent();
    const e = await rejects(
      createReport(t.deps, me.actor, { targetType: "product", targetId: product.id, reason: "spam" }),
    );
    expect(e).toMatchObject({ code: "RATE_LIMITED", reason: "rate_limit.report.create.account" });
    expect(await casesOf(product.id)).toHaveLength(0);
  });

  it("the queue pages newest activity first and filters by status and type", async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { product } = await shopWithContent();
      t.advance(1000);
      made.push(
        (
          await createReport(t.deps, (await w.user()).actor, {
            targetType: "product",
            targetId: product.id,
            reason: "spam",
          })
        ).caseId,
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listReportCases(t.deps, admin.actor, {
        status: "open",
        targetType: "product",
        limit: 2,
        cursor,
      });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const mine = seen.filter((id) => made.includes(id));
    expect(mine).toEqual([...made].reverse());
    const dismissed = await listReportCases(t.deps, admin.actor, {
      status: "dismissed",
      targetType: "product",
    });
    expect(dismissed.items.some((i) => made.includes(i.id))).toBe(false);
    const bad = await rejects(listReportCases(t.deps, admin.actor, { status: "open", cursor: "bm9wZQ" }));
    expect(bad).toMatchObject({ code: "VALIDATION", reason: "pagination.bad_cursor" });
  });
});

const shopWithContent = () => w.shopWithContent();
