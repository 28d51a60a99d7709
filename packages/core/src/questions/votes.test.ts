import { randomUUID } from "node:crypto";
import { answers, answerVotes, questions, questionVotes } from "@bazaar/db";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, orderFixture, rejects, type TestContext } from "../testing";
import { answerQuestion } from "./answer-question";
import { askQuestion } from "./ask-question";
import { listQuestions } from "./list-questions";
import { setAnswerStatus } from "./set-answer-status";
import { setQuestionStatus } from "./set-question-status";
import { voteAnswer } from "./vote-answer";
import { voteQuestion } from "./vote-question";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;
let shop: Awaited<ReturnType<ReturnType<typeof orderFixture>["shop"]>>;

beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
  shop = await fx.shop("Vote Shop");
});
afterAll(() => t.close());

/** A question on a fresh product with the seller's answer. */
async function answered() {
  const item = await fx.variant(shop, 10_000, 5, "Teak stool");
  const asker = await fx.customer();
  const q = await askQuestion(t.deps, asker.actor, { productId: item.product.id, body: "Is it solid teak?" });
  const a = await answerQuestion(t.deps, shop.actor, { questionId: q.id, body: "Yes, solid teak." });
  return { item, asker, q, a };
}

const questionCounts = async (id: string) => {
  const [row] = await t.db.db
    .select({ upvotes: questions.upvotes })
    .from(questions)
    .where(eq(questions.id, id));
  const [votes] = await t.db.db
    .select({ n: count() })
    .from(questionVotes)
    .where(eq(questionVotes.questionId, id));
  return { upvotes: row!.upvotes, votes: votes!.n };
};
const answerCounts = async (id: string) => {
  const [row] = await t.db.db.select({ upvotes: answers.upvotes }).from(answers).where(eq(answers.id, id));
  const [votes] = await t.db.db.select({ n: count() }).from(answerVotes).where(eq(answerVotes.answerId, id));
  return { upvotes: row!.upvotes, votes: votes!.n };
};

describe("upvotes", () => {
  it("toggle on and off, and the list says what the caller voted for", async () => {
    const { item, q, a } = await answered();
    const voter = await fx.customer();
    expect(await voteQuestion(t.deps, voter.actor, { questionId: q.id })).toEqual({
      voted: true,
      upvotes: 1,
    });
    expect(await voteAnswer(t.deps, voter.actor, { answerId: a.id })).toEqual({ voted: true, upvotes: 1 });

    const mine = (await listQuestions(t.deps, voter.actor, { productId: item.product.id })).items[0]!;
    expect([mine.votedByMe, mine.upvotes, mine.answers[0]!.votedByMe, mine.answers[0]!.upvotes]).toEqual([
      true,
      1,
      true,
      1,
    ]);
    const anon = (await listQuestions(t.deps, null, { productId: item.product.id })).items[0]!;
    expect([anon.votedByMe, anon.answers[0]!.votedByMe]).toEqual([false, false]);

    expect(await voteQuestion(t.deps, voter.actor, { questionId: q.id })).toEqual({
      voted: false,
      upvotes: 0,
    });
    expect(await voteAnswer(t.deps, voter.actor, { answerId: a.id })).toEqual({ voted: false, upvotes: 0 });
    const after = (await listQuestions(t.deps, voter.actor, { productId: item.product.id })).items[0]!;
    expect([after.votedByMe, after.upvotes, after.answers[0]!.votedByMe]).toEqual([false, 0, false]);
  });

  it("count one per user when many vote at once", async () => {
    const { q, a } = await answered();
    const voters = await Promise.all(Array.from({ length: 8 }, () => fx.customer()));
    await Promise.all(
      voters.flatMap((v) => [
        voteQuestion(t.deps, v.actor, { questionId: q.id }),
        voteAnswer(t.deps, v.actor, { answerId: a.id }),
      ]),
    );
    expect(await questionCounts(q.id)).toEqual({ upvotes: 8, votes: 8 });
    expect(await answerCounts(a.id)).toEqual({ upvotes: 8, votes: 8 });
  });

  it("stay exact when one user toggles many times at once", async () => {
    const { q, a } = await answered();
    const voter = await fx.customer();
    const qs = await Promise.all(
      Array.from({ length: 7 }, () => voteQuestion(t.deps, voter.actor, { questionId: q.id })),
    );
    const as = await Promise.all(
      Array.from({ length: 6 }, () => voteAnswer(t.deps, voter.actor, { answerId: a.id })),
    );
    // Seven toggles end voted, six end not voted; every step saw a count matching its vote.
    expect(await questionCounts(q.id)).toEqual({ upvotes: 1, votes: 1 });
    expect(await answerCounts(a.id)).toEqual({ upvotes: 0, votes: 0 });
    expect(qs.filter((r) => r.voted)).toHaveLength(4);
    for (const r of [...qs, ...as]) expect(r.upvotes).toBe(r.voted ? 1 : 0);
  });

  it("are refused on hidden or missing content", async () => {
    const { q, a } = await answered();
    const voter = await fx.customer();
    await setAnswerStatus(t.deps, a.id, "hidden");
    const e = await rejects(voteAnswer(t.deps, voter.actor, { answerId: a.id }));
    expect([e.code, e.reason]).toEqual(["NOT_FOUND", "answer.not_found"]);
    await setAnswerStatus(t.deps, a.id, "published");
    await setQuestionStatus(t.deps, q.id, "hidden");
    const h = await rejects(voteQuestion(t.deps, voter.actor, { questionId: q.id }));
    expect([h.code, h.reason]).toEqual(["NOT_FOUND", "question.not_found"]);
    // An answer under a hidden question is hidden with it.
    const ha = await rejects(voteAnswer(t.deps, voter.actor, { answerId: a.id }));
    expect([ha.code, ha.reason]).toEqual(["NOT_FOUND", "answer.not_found"]);
    const m = await rejects(voteQuestion(t.deps, voter.actor, { questionId: randomUUID() }));
    expect([m.code, m.reason]).toEqual(["NOT_FOUND", "question.not_found"]);
  });

  it("any signed-in user may vote, sellers included", async () => {
    const { q } = await answered();
    expect(await voteQuestion(t.deps, shop.actor, { questionId: q.id })).toEqual({ voted: true, upvotes: 1 });
  });
});
