import { questions, questionVotes, users } from "@bazaar/db";
import { type QuestionDto, QuestionsListInput, type QuestionsPageDto } from "@bazaar/schemas";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { decodeQuestionCursor, encodeQuestionCursor } from "./list-cursor";
import { publishedAnswers, shortName, visibleProduct } from "./queries";

/**
 * The product page's questions: published ones only, each with its published answers.
 * Order: answered by the seller first, then most upvoted, then newest. A signed-in viewer
 * learns which questions and answers they upvoted. A product nobody may see has no questions
 * to show (not found, as on its page).
 */
export async function listQuestions(
  deps: Pick<Deps, "db">,
  viewer: Actor | null,
  raw: z.input<typeof QuestionsListInput>,
): Promise<QuestionsPageDto> {
  const input = QuestionsListInput.parse(raw);
  const cursor = decodeQuestionCursor(input.cursor);
  if (!(await visibleProduct(deps.db, input.productId)))
    throw notFound("product.not_found", "This product is not available");

  const answered = sql<number>`(case when ${questions.sellerAnsweredAt} is null then 0 else 1 end)`;
  const viewerId = viewer?.userId ?? null;
  const rows = await deps.db
    .select({
      q: questions,
      askerName: users.name,
      answered,
      voted: viewerId
        ? sql<boolean>`exists (select 1 from ${questionVotes} where ${questionVotes.questionId} = ${questions.id} and ${questionVotes.userId} = ${viewerId})`
        : sql<boolean>`false`,
    })
    .from(questions)
    .innerJoin(users, eq(users.id, questions.askerId))
    .where(
      and(
        eq(questions.productId, input.productId),
        eq(questions.status, "published"),
        cursor
          ? sql`(${answered}, ${questions.upvotes}, ${questions.createdAt}, ${questions.id}) < (${cursor.answered}, ${cursor.upvotes}, ${cursor.createdAt}, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(answered), desc(questions.upvotes), desc(questions.createdAt), desc(questions.id))
    .limit(input.limit + 1);

  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const answersOf = await publishedAnswers(
    deps.db,
    items.map((r) => r.q.id),
    viewerId,
  );
  return {
    items: items.map(
      ({ q, askerName, voted }): QuestionDto => ({
        id: q.id,
        productId: q.productId,
        body: q.body,
        askerName: shortName(askerName),
        upvotes: q.upvotes,
        votedByMe: !!voted,
        answerCount: q.answerCount,
        answeredBySeller: q.sellerAnsweredAt !== null,
        sellerAnsweredAt: q.sellerAnsweredAt,
        answers: answersOf.get(q.id) ?? [],
        createdAt: q.createdAt,
      }),
    ),
    nextCursor:
      rows.length > input.limit && last
        ? encodeQuestionCursor({
            answered: Number(last.answered) === 1 ? 1 : 0,
            upvotes: last.q.upvotes,
            createdAt: last.q.createdAt,
            id: last.q.id,
          })
        : null,
  };
}
