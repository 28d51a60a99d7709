import { answers, type Database } from "@bazaar/db";
import type { QaStatus } from "@bazaar/schemas";
import { and, eq, ne } from "drizzle-orm";
import { notFound } from "../errors";
import type { Deps } from "../platform/deps";
import { lockQuestion, recountAnswers } from "./queries";

/**
 * Hides or republishes an answer (the reports queue). The question's answer count and its
 * "answered by seller" time count published answers only, so both are recomputed under the
 * question's row lock in the same transaction. Idempotent: `changed` says whether it moved.
 */
export async function setAnswerStatus(
  deps: Pick<Deps, "db" | "now">,
  answerId: string,
  status: QaStatus,
): Promise<{
  answerId: string;
  questionId: string;
  productId: string;
  sellerId: string;
  status: QaStatus;
  changed: boolean;
}> {
  const run = async (tx: Database) => {
    const [a] = await tx
      .select({ questionId: answers.questionId })
      .from(answers)
      .where(eq(answers.id, answerId));
    if (!a) throw notFound("answer.not_found", "This answer does not exist");
    const q = await lockQuestion(tx, a.questionId);
    const moved = await tx
      .update(answers)
      .set({ status, updatedAt: deps.now() })
      .where(and(eq(answers.id, answerId), ne(answers.status, status)))
      .returning({ id: answers.id });
    if (moved.length) await recountAnswers(tx, a.questionId, deps.now());
    return {
      answerId,
      questionId: a.questionId,
      productId: q.productId,
      sellerId: q.sellerId,
      status,
      changed: moved.length > 0,
    };
  };
  // A nested transaction is a savepoint: fine inside the caller's, and atomic on its own.
  return deps.db.transaction(run);
}
