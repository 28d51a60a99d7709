import { answers, type Database, questions } from "@bazaar/db";
import type { QaStatus } from "@bazaar/schemas";
import { eq } from "drizzle-orm";

/** Who wrote a question or an answer, about which product and shop: what the reports queue shows and checks. */
export type QaContentOwner = {
  kind: "question" | "answer";
  id: string;
  authorId: string;
  questionId: string;
  productId: string;
  sellerId: string;
  status: QaStatus;
  body: string;
};

/** The question's author, product and shop; null when there is no such question. */
export async function questionOwner(
  deps: { db: Database },
  questionId: string,
): Promise<QaContentOwner | null> {
  const [q] = await deps.db
    .select({
      authorId: questions.askerId,
      productId: questions.productId,
      sellerId: questions.sellerId,
      status: questions.status,
      body: questions.body,
    })
    .from(questions)
    .where(eq(questions.id, questionId));
  return q ? { kind: "question", id: questionId, questionId, ...q } : null;
}

/** The answer's author, its question, product and shop; null when there is no such answer. */
export async function answerOwner(deps: { db: Database }, answerId: string): Promise<QaContentOwner | null> {
  const [a] = await deps.db
    .select({
      authorId: answers.authorId,
      questionId: answers.questionId,
      productId: questions.productId,
      sellerId: questions.sellerId,
      status: answers.status,
      body: answers.body,
    })
    .from(answers)
    .innerJoin(questions, eq(questions.id, answers.questionId))
    .where(eq(answers.id, answerId));
  return a ? { kind: "answer", id: answerId, ...a } : null;
}
