import { auditLog, products, reportCases, reviews, sellers } from "@bazaar/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getSellerProduct, productBySlug, submitProduct, takeDownProduct } from "../catalog";
import { listQuestions } from "../questions";
import { listProductReviews } from "../reviews";
import { createTestContext, rejects, type TestContext } from "../testing";
import { createReport } from "./create-report";
import { getReportCase } from "./get-report-case";
import { listReportCases } from "./list-report-cases";
import { resolveReportCase } from "./resolve-report-case";
import { restoreReportedContent } from "./restore-reported-content";
import { reportsWorld } from "./test-world";

let t: TestContext;
let w: ReturnType<typeof reportsWorld>;
let admin: Awaited<ReturnType<ReturnType<typeof reportsWorld>["user"]>>;
beforeAll(async () => {
  t = await createTestContext();
  w = reportsWorld(t);
  admin = await w.user("admin");
});
afterAll(() => t.close());

type TargetType = "product" | "review" | "question" | "answer" | "shop";
/** Two people report the target; answers the open case id. */
async function reported(type: TargetType, id: string) {
  await createReport(t.deps, (await w.user()).actor, { targetType: type, targetId: id, reason: "spam" });
  const r = await createReport(t.deps, (await w.user()).actor, {
    targetType: type,
    targetId: id,
    reason: "offensive",
    note: "Rude",
  });
  return r.caseId;
}

const auditOf = async (caseId: string) =>
  t.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "report_case"), eq(auditLog.targetId, caseId)));

describe("deciding a report case", () => {
  it("dismiss: the case closes with who and when, the content stays, the audit says so", async () => {
    const { review } = await w.shopWithContent();
    const caseId = await reported("review", review.id);
    const dto = await resolveReportCase(t.deps, admin.actor, { id: caseId, action: "dismiss" });
    expect(dto).toMatchObject({
      status: "dismissed",
      action: "dismiss",
      resolvedBy: { id: admin.id },
      reportCount: 2,
      target: { status: "published" },
    });
    expect(dto.resolvedAt).toBeInstanceOf(Date);
    expect(dto.reports).toHaveLength(2);
    const [r] = await t.deps.db.select().from(reviews).where(eq(reviews.id, review.id));
    expect(r!.status).toBe("published");
    const [log] = await auditOf(caseId);
    expect(log).toMatchObject({
      actorId: admin.id,
      action: "report.dismiss",
      data: {
        target: { type: "review", id: review.id },
        before: { case: { status: "open" } },
        after: { case: { status: "dismissed", action: "dismiss" } },
      },
    });
    const queue = await listReportCases(t.deps, admin.actor, {
      status: "dismissed",
      targetType: "review",
      limit: 100,
    });
    expect(queue.items.some((c) => c.id === caseId)).toBe(true);
  });

  it("hide a review: it is no longer listed on the product; restore brings it back; both audited", async () => {
    const { review, product } = await w.shopWithContent();
    const before = await listProductReviews(t.deps, null, { productId: product.id });
    expect(before.items.map((r) => r.id)).toContain(review.id);
    const caseId = await reported("review", review.id);
    const dto = await resolveReportCase(t.deps, admin.actor, {
      id: caseId,
      action: "hide",
      note: "Spam link",
    });
    expect(dto).toMatchObject({
      status: "actioned",
      action: "hide",
      resolutionNote: "Spam link",
      target: { status: "hidden" },
    });
    const after = await listProductReviews(t.deps, null, { productId: product.id });
    expect(after.items.map((r) => r.id)).not.toContain(review.id);
    const [log] = await auditOf(caseId);
    expect(log).toMatchObject({
      action: "report.hide",
      data: {
        note: "Spam link",
        before: { case: { status: "open" }, target: { status: "published" } },
        after: { case: { status: "actioned", action: "hide" }, target: { status: "hidden" } },
      },
    });
    // A hidden review cannot be reported again.
    const again = await rejects(
      createReport(t.deps, (await w.user()).actor, {
        targetType: "review",
        targetId: review.id,
        reason: "spam",
      }),
    );
    expect(again).toMatchObject({ code: "NOT_FOUND", reason: "report.review_not_found" });

    const restored = await restoreReportedContent(t.deps, admin.actor, {
      id: caseId,
      note: "Appeal accepted",
    });
    expect(restored).toMatchObject({
      status: "actioned",
      action: "restore",
      target: { status: "published" },
    });
    expect(
      (await listProductReviews(t.deps, null, { productId: product.id })).items.map((r) => r.id),
    ).toContain(review.id);
    expect((await auditOf(caseId)).map((l) => l.action).sort()).toEqual(["report.hide", "report.restore"]);
    const twice = await rejects(restoreReportedContent(t.deps, admin.actor, { id: caseId, note: "Again" }));
    expect(twice).toMatchObject({ code: "INVALID_STATE", reason: "report.not_hidden" });
  });

  it("hide a question and an answer: neither shows on the product any more", async () => {
    const { question, answer, product } = await w.shopWithContent();
    const answerCase = await reported("answer", answer.id);
    await resolveReportCase(t.deps, admin.actor, { id: answerCase, action: "hide", note: "Misleading" });
    let page = await listQuestions(t.deps, null, { productId: product.id });
    expect(page.items.find((q) => q.id === question.id)!.answers.map((a) => a.id)).not.toContain(answer.id);

    const questionCase = await reported("question", question.id);
    await resolveReportCase(t.deps, admin.actor, { id: questionCase, action: "hide", note: "Offensive" });
    page = await listQuestions(t.deps, null, { productId: product.id });
    expect(page.items.map((q) => q.id)).not.toContain(question.id);
  });

  it("unlist a product: off the storefront with the reason the seller sees, and the seller can resubmit", async () => {
    const { product, seller, sellerActor } = await w.shopWithContent("Fake-brand sneakers");
    const caseId = await reported("product", product.id);
    const dto = await resolveReportCase(t.deps, admin.actor, {
      id: caseId,
      action: "unlist",
      note: "Counterfeit brand",
    });
    expect(dto).toMatchObject({ status: "actioned", action: "unlist", target: { status: "rejected" } });
    expect(await rejects(productBySlug(t.deps, { slug: product.slug }))).toMatchObject({ code: "NOT_FOUND" });
    const seen = await getSellerProduct(t.deps, sellerActor, { id: product.id });
    expect(seen).toMatchObject({ status: "rejected", statusReason: "Counterfeit brand" });
    expect(seen.takenDownAt).toBeInstanceOf(Date);
    const [shop] = await t.deps.db.select().from(sellers).where(eq(sellers.id, seller.id));
    expect(shop!.status).toBe("approved");
    expect((await t.lastEmailTo(seller.contactEmail, { subject: /taken down/ })).text).toContain(
      "Counterfeit brand",
    );
    const [log] = await auditOf(caseId);
    expect(log).toMatchObject({
      data: {
        before: { target: { status: "approved" } },
        after: { target: { status: "rejected", statusReason: "Counterfeit brand" } },
      },
    });
    expect((await submitProduct(t.deps, sellerActor, { id: product.id })).status).toBe("pending_review");
  });

  it("suspend the shop of a reported review: the shop and its products leave the storefront", async () => {
    const { review, seller, product } = await w.shopWithContent();
    const caseId = await reported("review", review.id);
    const dto = await resolveReportCase(t.deps, admin.actor, {
      id: caseId,
      action: "suspend_shop",
      note: "Fake reviews ring",
    });
    expect(dto).toMatchObject({
      status: "actioned",
      action: "suspend_shop",
      target: { shop: { status: "suspended" } },
    });
    const [shop] = await t.deps.db.select().from(sellers).where(eq(sellers.id, seller.id));
    expect(shop).toMatchObject({ status: "suspended", statusReason: "Fake reviews ring" });
    expect(await rejects(productBySlug(t.deps, { slug: product.slug }))).toMatchObject({ code: "NOT_FOUND" });
    const [log] = await auditOf(caseId);
    expect(log).toMatchObject({
      data: {
        before: { target: { sellerId: seller.id, status: "approved" } },
        after: { target: { sellerId: seller.id, status: "suspended" } },
      },
    });
    const sellerLog = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, seller.id), eq(auditLog.action, "seller.suspend")));
    expect(sellerLog).toHaveLength(1);
    // The suspension email goes out after the commit.
    expect((await t.lastEmailTo(seller.contactEmail)).text).toContain("Fake reviews ring");
  });

  it("suspend a reported shop directly", async () => {
    const { seller } = await w.shopWithContent();
    const caseId = await reported("shop", seller.id);
    await resolveReportCase(t.deps, admin.actor, {
      id: caseId,
      action: "suspend_shop",
      note: "Sells prohibited goods",
    });
    const [shop] = await t.deps.db.select().from(sellers).where(eq(sellers.id, seller.id));
    expect(shop!.status).toBe("suspended");
  });

  it("two admins deciding at once: one decision, the other is told the case is closed", async () => {
    const { product } = await w.shopWithContent();
    const caseId = await reported("product", product.id);
    const results = await Promise.allSettled([
      resolveReportCase(t.deps, admin.actor, { id: caseId, action: "unlist", note: "Counterfeit" }),
      resolveReportCase(t.deps, admin.actor, { id: caseId, action: "dismiss" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "INVALID_STATE", reason: "report.case_closed" },
    });
    expect(await auditOf(caseId)).toHaveLength(1);
    const later = await rejects(resolveReportCase(t.deps, admin.actor, { id: caseId, action: "dismiss" }));
    expect(later).toMatchObject({ code: "INVALID_STATE", reason: "report.case_closed" });
  });

  it("an action that does not fit the target names the action field and changes nothing", async () => {
    const { product } = await w.shopWithContent();
    const caseId = await reported("product", product.id);
    const e = await rejects(
      resolveReportCase(t.deps, admin.actor, { id: caseId, action: "hide", note: "Nope" }),
    );
    expect(e).toMatchObject({
      code: "VALIDATION",
      reason: "report.action_not_applicable",
      details: { fieldErrors: { action: [expect.any(String)] } },
    });
    const [c] = await t.deps.db.select().from(reportCases).where(eq(reportCases.id, caseId));
    expect(c!.status).toBe("open");
    const [p] = await t.deps.db.select().from(products).where(eq(products.id, product.id));
    expect(p!.status).toBe("approved");
  });

  it("a failing action rolls the whole decision back", async () => {
    const { product } = await w.shopWithContent();
    const caseId = await reported("product", product.id);
    // The seller archived it meanwhile: there is nothing live to take down.
    await t.deps.db.update(products).set({ status: "archived" }).where(eq(products.id, product.id));
    const e = await rejects(
      resolveReportCase(t.deps, admin.actor, { id: caseId, action: "unlist", note: "Fake" }),
    );
    expect(e).toMatchObject({ code: "INVALID_STATE", reason: "product.not_live" });
    expect((await getReportCase(t.deps, admin.actor, { id: caseId })).status).toBe("open");
    expect(await auditOf(caseId)).toHaveLength(0);
  });

  it("a product already taken down, or a shop already suspended, is recorded as actioned without acting twice", async () => {
    const { product, review, seller } = await w.shopWithContent();
    const productCase = await reported("product", product.id);
    const reviewCase = await reported("review", review.id);
    await takeDownProduct(t.deps, admin.actor, { productId: product.id, reason: "Taken down from its page" });
    const unlisted = await resolveReportCase(t.deps, admin.actor, {
      id: productCase,
      action: "unlist",
      note: "Fake",
    });
    expect(unlisted).toMatchObject({ status: "actioned", target: { status: "rejected" } });
    const [p] = await t.deps.db.select().from(products).where(eq(products.id, product.id));
    expect(p!.statusReason).toBe("Taken down from its page");

    await t.deps.db.update(sellers).set({ status: "suspended" }).where(eq(sellers.id, seller.id));
    const suspended = await resolveReportCase(t.deps, admin.actor, {
      id: reviewCase,
      action: "suspend_shop",
      note: "Again",
    });
    expect(suspended).toMatchObject({ status: "actioned", action: "suspend_shop" });
    const sellerLog = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, seller.id), eq(auditLog.action, "seller.suspend")));
    expect(sellerLog).toHaveLength(0);
  });

  it("bad input names the field; an unknown case is not found", async () => {
    const e = await resolveReportCase(t.deps, admin.actor, {
      id: crypto.randomUUID(),
      action: "unlist",
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ZodError);
    expect((e as ZodError).issues.map((i) => i.path.join("."))).toEqual(["note"]);
    const bad = await resolveReportCase(t.deps, admin.actor, { id: "x", action: "ban" as never }).catch(
      (x: unknown) => x,
    );
    expect((bad as ZodError).issues.map((i) => i.path.join("."))).toEqual(["id", "action"]);
    const missing = await rejects(
      resolveReportCase(t.deps, admin.actor, { id: crypto.randomUUID(), action: "dismiss" }),
    );
    expect(missing).toMatchObject({ code: "NOT_FOUND", reason: "report.case_not_found" });
    const get = await rejects(getReportCase(t.deps, admin.actor, { id: crypto.randomUUID() }));
    expect(get).toMatchObject({ code: "NOT_FOUND", reason: "report.case_not_found" });
  });
});
