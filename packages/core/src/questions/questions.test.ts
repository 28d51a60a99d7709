import { randomUUID } from "node:crypto";
import { answers, products, questions } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { advanceSubOrder } from "../orders";
import type { Actor } from "../platform/deps";
import { createRateLimiter } from "../platform/rate-limit";
import { createTestContext, orderFixture, rejects, type TestContext } from "../testing";
import { answerQuestion } from "./answer-question";
import { askQuestion } from "./ask-question";
import { answerOwner, questionOwner } from "./content-owner";
import { listQuestions } from "./list-questions";
import { listSellerQuestions } from "./list-seller-questions";
import { setAnswerStatus } from "./set-answer-status";
import { setQuestionStatus } from "./set-question-status";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
type Shop = Awaited<ReturnType<ReturnType<typeof orderFixture>["shop"]>>;
type Customer = Awaited<ReturnType<ReturnType<typeof orderFixture>["customer"]>>;
let ravi: Shop;
let meera: Shop;
let admin: Actor;

beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
  ravi = await fx.shop("Ravi Textiles");
  meera = await fx.shop("Meera Crafts");
  const a = await fx.customer();
  admin = { userId: a.user.id, role: "admin", sessionId: randomUUID() };
});
afterAll(() => t.close());

/** A product of Ravi's, and a customer who asked about it. */
async function asked(body = "Is this saree pure silk or a blend?") {
  const item = await fx.variant(ravi, 250_000, 20, "Banarasi saree");
  const asker = await fx.customer();
  const q = await askQuestion(t.deps, asker.actor, { productId: item.product.id, body });
  return { item, asker, q };
}

/** A customer who bought the variant and had it delivered, through the real order flow. */
async function deliveredBuyer(item: { id: string }, shop: Shop): Promise<Customer> {
  const buyer = await fx.customer();
  const order = await fx.checkout(buyer, [[item.id, 1]]);
  const sub = order.subOrders[0]!;
  await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "packed" });
  await advanceSubOrder(t.deps, shop.actor, {
    subOrderId: sub.id,
    to: "shipped",
    carrier: "Delhivery",
    trackingNumber: "DLV123456",
  });
  await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "out_for_delivery" });
  await advanceSubOrder(t.deps, shop.actor, { subOrderId: sub.id, to: "delivered" });
  return buyer;
}

const zodFields = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ZodError);
  return Object.fromEntries((e as ZodError).issues.map((i) => [i.path.join("."), i.message]));
};

const questionRow = async (id: string) =>
  (await t.db.db.select().from(questions).where(eq(questions.id, id)))[0]!;

describe("asking", () => {
  it("stores the trimmed question, shows it on the product page and emails the seller", async () => {
    const { item, q } = await asked("   Does the colour run in the first wash?  ");
    expect(q).toMatchObject({
      body: "Does the colour run in the first wash?",
      askerName: "Anita R.",
      answerCount: 0,
      answeredBySeller: false,
      answers: [],
    });
    const page = await listQuestions(t.deps, null, { productId: item.product.id });
    expect(page.items.map((x) => x.body)).toEqual(["Does the colour run in the first wash?"]);
    const mail = await t.lastEmailTo(ravi.contactEmail, { subject: /New question about Banarasi saree/ });
    expect(mail.text).toContain("Does the colour run in the first wash?");
    expect(mail.text).toContain("http://seller.test/questions");
  });

  it("refuses bodies too short or too long and names the field", async () => {
    const item = await fx.variant(ravi, 10_000, 5);
    const asker = await fx.customer();
    expect(
      await zodFields(askQuestion(t.deps, asker.actor, { productId: item.product.id, body: "  why?   " })),
    ).toEqual({
      body: "Write your question in at least 10 characters",
    });
    expect(
      await zodFields(
        askQuestion(t.deps, asker.actor, { productId: item.product.id, body: "x".repeat(1001) }),
      ),
    ).toEqual({ body: "Keep your question under 1000 characters" });
    expect(
      await zodFields(askQuestion(t.deps, asker.actor, { productId: "nope", body: "A fine question?" })),
    ).toEqual({
      productId: "Must be a valid id",
    });
    expect(
      Object.keys(
        await zodFields(
          askQuestion(t.deps, asker.actor, { productId: item.product.id, body: "bad\u0000text here" }),
        ),
      ),
    ).toEqual(["body"]);
  });

  it("only on a product anyone can see, and only by customers", async () => {
    const item = await fx.variant(ravi, 10_000, 5);
    await t.db.db.update(products).set({ status: "draft" }).where(eq(products.id, item.product.id));
    const asker = await fx.customer();
    const e = await rejects(
      askQuestion(t.deps, asker.actor, { productId: item.product.id, body: "Will this be back soon?" }),
    );
    expect([e.code, e.reason]).toEqual(["NOT_FOUND", "product.not_found"]);
    const live = await fx.variant(ravi, 10_000, 5);
    const s = await rejects(
      askQuestion(t.deps, meera.actor, { productId: live.product.id, body: "Will this be back soon?" }),
    );
    expect([s.code, s.reason]).toEqual(["FORBIDDEN", "question.customers_only"]);
  });

  it("the same question sent twice at once is stored once", async () => {
    const item = await fx.variant(ravi, 10_000, 5);
    const asker = await fx.customer();
    const ask = () =>
      askQuestion(t.deps, asker.actor, { productId: item.product.id, body: "Is there a matching blouse?" });
    const [a, b] = await Promise.all([ask(), ask()]);
    expect(a.id).toBe(b.id);
    expect((await listQuestions(t.deps, null, { productId: item.product.id })).items).toHaveLength(1);
  });

  it("is rate-limited per account", async () => {
    const deps = {
      ...t.deps,
      limiter: createRateLimiter({ limits: { "question.ask.account": { points: 2, duration: 3600 } } }),
    };
    const item = await fx.variant(ravi, 10_000, 5);
    const asker = await fx.customer();
    await askQuestion(deps, asker.actor, { productId: item.product.id, body: "First question here?" });
    await askQuestion(deps, asker.actor, { productId: item.product.id, body: "Second question here?" });
    const e = await rejects(
      askQuestion(deps, asker.actor, { productId: item.product.id, body: "Third question here?" }),
    );
    expect([e.code, e.reason]).toEqual(["RATE_LIMITED", "rate_limit.question.ask.account"]);
  });
});

describe("who may answer", () => {
  it("the product's seller, shown under the shop's name; the question moves to answered by seller", async () => {
    const { item, asker, q } = await asked();
    const a = await answerQuestion(t.deps, ravi.actor, {
      questionId: q.id,
      body: "  Pure Katan silk, with a Silk Mark tag. ",
    });
    expect(a).toMatchObject({
      body: "Pure Katan silk, with a Silk Mark tag.",
      author: { role: "seller", name: "Ravi Textiles", verifiedBuyer: false },
    });
    const [listed] = (await listQuestions(t.deps, null, { productId: item.product.id })).items;
    expect(listed).toMatchObject({ answerCount: 1, answeredBySeller: true });
    expect(listed!.answers.map((x) => x.author.name)).toEqual(["Ravi Textiles"]);
    const mail = await t.lastEmailTo(asker.user.email, { subject: /has an answer/ });
    expect(mail.text).toContain('Ravi Textiles answered: "Pure Katan silk, with a Silk Mark tag."');
    expect(mail.text).toContain(`http://customer.test/p/${item.product.slug}#questions`);
  });

  it("not another shop's seller, even through the seller alias", async () => {
    const { q } = await asked();
    const e = await rejects(
      answerQuestion(t.deps, meera.actor, { questionId: q.id, body: "Buy ours instead." }),
    );
    expect([e.code, e.reason]).toEqual(["FORBIDDEN", "question.not_your_product"]);
    expect((await questionRow(q.id)).answerCount).toBe(0);
  });

  it("an admin, shown as Bazaar", async () => {
    const { q } = await asked();
    const a = await answerQuestion(t.deps, admin, { questionId: q.id, body: "The listing says 100% silk." });
    expect(a.author).toEqual({ role: "admin", name: "Bazaar", verifiedBuyer: false });
    // An answer from Bazaar does not count as the seller's.
    expect((await questionRow(q.id)).sellerAnsweredAt).toBeNull();
  });

  it("a customer who received the product, marked as a verified buyer", async () => {
    const { item, q } = await asked();
    const buyer = await deliveredBuyer(item, ravi);
    const a = await answerQuestion(t.deps, buyer.actor, {
      questionId: q.id,
      body: "Mine had the Silk Mark tag.",
    });
    expect(a.author).toEqual({ role: "buyer", name: "Anita R.", verifiedBuyer: true });
  });

  it("not a customer who never bought it, nor one whose parcel has not arrived", async () => {
    const { item, q } = await asked();
    const stranger = await fx.customer();
    const e = await rejects(
      answerQuestion(t.deps, stranger.actor, { questionId: q.id, body: "I think it is silk." }),
    );
    expect([e.code, e.reason]).toEqual(["FORBIDDEN", "question.not_a_buyer"]);
    const waiting = await fx.customer();
    await fx.checkout(waiting, [[item.id, 1]]);
    const w = await rejects(
      answerQuestion(t.deps, waiting.actor, { questionId: q.id, body: "Mine is on its way." }),
    );
    expect([w.code, w.reason]).toEqual(["FORBIDDEN", "question.not_a_buyer"]);
  });

  it("names the field of a bad answer, and a missing question is not found", async () => {
    const { q } = await asked();
    expect(await zodFields(answerQuestion(t.deps, ravi.actor, { questionId: q.id, body: " " }))).toEqual({
      body: "Write an answer of at least 2 characters",
    });
    const e = await rejects(
      answerQuestion(t.deps, ravi.actor, { questionId: randomUUID(), body: "Yes it is." }),
    );
    expect([e.code, e.reason]).toEqual(["NOT_FOUND", "question.not_found"]);
  });

  it("keeps the answer count exact when answers arrive at once", async () => {
    const { item, q } = await asked();
    const buyer = await deliveredBuyer(item, ravi);
    await Promise.all([
      answerQuestion(t.deps, ravi.actor, { questionId: q.id, body: "Yes, pure silk." }),
      answerQuestion(t.deps, ravi.actor, { questionId: q.id, body: "And it comes with a fall." }),
      answerQuestion(t.deps, admin, { questionId: q.id, body: "Verified by Bazaar." }),
      answerQuestion(t.deps, buyer.actor, { questionId: q.id, body: "Mine was silk." }),
      answerQuestion(t.deps, buyer.actor, { questionId: q.id, body: "Mine was silk." }),
      ...Array.from({ length: 5 }, (_, i) =>
        answerQuestion(t.deps, admin, { questionId: q.id, body: `Note ${i}` }),
      ),
    ]);
    const rows = await t.db.db.select().from(answers).where(eq(answers.questionId, q.id));
    // The buyer's answer sent twice is stored once.
    expect(rows).toHaveLength(9);
    const row = await questionRow(q.id);
    expect(row.answerCount).toBe(9);
    const firstSeller = rows.filter((r) => r.authorRole === "seller").map((r) => r.createdAt.getTime());
    expect(row.sellerAnsweredAt!.getTime()).toBeGreaterThanOrEqual(Math.min(...firstSeller) - 1000);
  });
});

describe("the product page list", () => {
  it("lists answered by the seller first, then most upvoted, then newest, page by page", async () => {
    const item = await fx.variant(ravi, 10_000, 5, "Brass lamp");
    const asker = await fx.customer();
    const ask = async (body: string) => {
      const q = await askQuestion(t.deps, asker.actor, { productId: item.product.id, body });
      t.advance(1000);
      return q;
    };
    const old = await ask("Oldest, nobody cares?");
    const popular = await ask("Popular but unanswered?");
    const answered = await ask("Answered by the seller?");
    const newest = await ask("Newest, no votes yet?");
    const buyerOnly = await ask("Answered only by a buyer?");
    await t.db.db.update(questions).set({ upvotes: 5 }).where(eq(questions.id, popular.id));
    await answerQuestion(t.deps, ravi.actor, { questionId: answered.id, body: "Yes, by us." });
    const buyer = await deliveredBuyer(item, ravi);
    await answerQuestion(t.deps, buyer.actor, { questionId: buyerOnly.id, body: "A buyer says yes." });

    const expected = [answered.id, popular.id, buyerOnly.id, newest.id, old.id];
    const all = await listQuestions(t.deps, null, { productId: item.product.id });
    expect(all.items.map((q) => q.id)).toEqual(expected);
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const p = await listQuestions(t.deps, null, { productId: item.product.id, limit: 2, cursor });
      seen.push(...p.items.map((q) => q.id));
      cursor = p.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it("carries the top 20 answers of a question: the seller's first, then most upvoted, then oldest", async () => {
    const deps = { ...t.deps, limiter: createRateLimiter() };
    const { item, q } = await asked();
    const notes: string[] = [];
    for (let i = 0; i < 21; i++) {
      notes.push((await answerQuestion(deps, admin, { questionId: q.id, body: `Note number ${i}` })).id);
      t.advance(1000);
    }
    await t.db.db.update(answers).set({ upvotes: 3 }).where(eq(answers.id, notes[7]!));
    const seller = await answerQuestion(deps, ravi.actor, {
      questionId: q.id,
      body: "The seller speaks last.",
    });
    const [listed] = (await listQuestions(t.deps, null, { productId: item.product.id })).items;
    expect(listed!.answerCount).toBe(22);
    expect(listed!.answers.map((a) => a.id)).toEqual([
      seller.id,
      notes[7],
      ...notes.filter((_, i) => i !== 7).slice(0, 18),
    ]);
    expect(listed!.answers[0]!.createdAt).toBeInstanceOf(Date);
  });

  it("refuses a cursor it did not hand out, naming the field, and a hidden product", async () => {
    const item = await fx.variant(ravi, 10_000, 5);
    const bad = Buffer.from("1|2|not-a-date|x").toString("base64url");
    const e = await rejects(listQuestions(t.deps, null, { productId: item.product.id, cursor: bad }));
    expect([e.code, e.reason, Object.keys(e.details?.fieldErrors ?? {})]).toEqual([
      "VALIDATION",
      "pagination.bad_cursor",
      ["cursor"],
    ]);
    await t.db.db.update(products).set({ status: "archived" }).where(eq(products.id, item.product.id));
    const n = await rejects(listQuestions(t.deps, null, { productId: item.product.id }));
    expect([n.code, n.reason]).toEqual(["NOT_FOUND", "product.not_found"]);
  });

  it("never lists hidden questions or answers, and keeps the counts to published ones", async () => {
    const { item, asker, q } = await asked();
    const sellerAnswer = await answerQuestion(t.deps, ravi.actor, { questionId: q.id, body: "Yes, silk." });
    const adminAnswer = await answerQuestion(t.deps, admin, { questionId: q.id, body: "Confirmed." });
    const other = await askQuestion(t.deps, asker.actor, {
      productId: item.product.id,
      body: "Spam spam spam spam",
    });

    expect(await setQuestionStatus(t.deps, other.id, "hidden")).toMatchObject({
      changed: true,
      sellerId: ravi.id,
    });
    expect((await setQuestionStatus(t.deps, other.id, "hidden")).changed).toBe(false);
    const moved = await setAnswerStatus(t.deps, sellerAnswer.id, "hidden");
    expect(moved).toMatchObject({ changed: true, questionId: q.id, productId: item.product.id });

    const page = await listQuestions(t.deps, null, { productId: item.product.id });
    expect(page.items.map((x) => x.id)).toEqual([q.id]);
    expect(page.items[0]).toMatchObject({ answerCount: 1, answeredBySeller: false });
    expect(page.items[0]!.answers.map((a) => a.id)).toEqual([adminAnswer.id]);
    const inbox = await listSellerQuestions(t.deps, ravi.actor, {
      status: "all",
      productId: item.product.id,
    });
    expect(inbox.items.map((x) => x.id)).toEqual([q.id]);

    await setAnswerStatus(t.deps, sellerAnswer.id, "published");
    await setQuestionStatus(t.deps, other.id, "published");
    const back = await listQuestions(t.deps, null, { productId: item.product.id });
    expect(back.items.map((x) => x.id)).toEqual([q.id, other.id]);
    expect(back.items[0]).toMatchObject({ answerCount: 2, answeredBySeller: true });

    expect(await questionOwner(t.deps, q.id)).toMatchObject({ authorId: asker.user.id, sellerId: ravi.id });
    expect(await answerOwner(t.deps, adminAnswer.id)).toMatchObject({
      authorId: admin.userId,
      questionId: q.id,
      productId: item.product.id,
    });
    expect(await questionOwner(t.deps, randomUUID())).toBeNull();
    const e = await rejects(setAnswerStatus(t.deps, randomUUID(), "hidden"));
    expect([e.code, e.reason]).toEqual(["NOT_FOUND", "answer.not_found"]);
  });

  it("a hidden question takes no answers", async () => {
    const { q } = await asked();
    await setQuestionStatus(t.deps, q.id, "hidden");
    const e = await rejects(answerQuestion(t.deps, ravi.actor, { questionId: q.id, body: "Yes it is." }));
    expect([e.code, e.reason]).toEqual(["NOT_FOUND", "question.not_found"]);
  });
});

describe("the seller's inbox", () => {
  it("shows open and answered questions on the shop's own products only", async () => {
    const shop = await fx.shop("Inbox Shop");
    const rival = await fx.shop("Rival Shop");
    const item = await fx.variant(shop, 10_000, 5, "Clay pot");
    const asker = await fx.customer();
    const open = await askQuestion(t.deps, asker.actor, {
      productId: item.product.id,
      body: "Is it food safe?",
    });
    t.advance(1000);
    const done = await askQuestion(t.deps, asker.actor, {
      productId: item.product.id,
      body: "Does it come with a lid?",
    });
    await answerQuestion(t.deps, shop.actor, { questionId: done.id, body: "Yes, a clay lid." });
    // An answer from Bazaar leaves the question open for the seller.
    await answerQuestion(t.deps, admin, { questionId: open.id, body: "See the description." });

    const ids = async (status: "open" | "answered" | "all") =>
      (await listSellerQuestions(t.deps, shop.actor, { status })).items.map((q) => q.id);
    expect(await ids("open")).toEqual([open.id]);
    expect(await ids("answered")).toEqual([done.id]);
    expect(await ids("all")).toEqual([done.id, open.id]);
    const [first] = (await listSellerQuestions(t.deps, shop.actor, { status: "all" })).items;
    expect(first).toMatchObject({
      product: { id: item.product.id, title: "Clay pot" },
      askerName: "Anita R.",
    });

    expect((await listSellerQuestions(t.deps, rival.actor, { status: "all" })).items).toEqual([]);
    const e = await rejects(listSellerQuestions(t.deps, rival.actor, { productId: item.product.id }));
    expect([e.code, e.reason]).toEqual(["NOT_FOUND", "product.not_found"]);
    const a = await rejects(
      answerQuestion(t.deps, rival.actor, { questionId: open.id, body: "Ours is better." }),
    );
    expect([a.code, a.reason]).toEqual(["FORBIDDEN", "question.not_your_product"]);
  });
});
