import { questions } from "@bazaar/db";
import type { QaStatus } from "@bazaar/schemas";
import { and, eq, ne } from "drizzle-orm";
import { notFound } from "../errors";
import type { Deps } from "../platform/deps";

/**
 * Hides or republishes a question (the reports queue). A hidden question is listed nowhere:
 * not on the product page, not in the seller's inbox. Idempotent: `changed` says whether it
 * moved. Runs in `deps.db`'s transaction when it is one.
 */
export async function setQuestionStatus(
  deps: Pick<Deps, "db" | "now">,
  questionId: string,
  status: QaStatus,
): Promise<{ questionId: string; productId: string; sellerId: string; status: QaStatus; changed: boolean }> {
  const [moved] = await deps.db
    .update(questions)
    .set({ status, updatedAt: deps.now() })
    .where(and(eq(questions.id, questionId), ne(questions.status, status)))
    .returning({ productId: questions.productId, sellerId: questions.sellerId });
  if (moved) return { questionId, ...moved, status, changed: true };
  const [row] = await deps.db
    .select({ productId: questions.productId, sellerId: questions.sellerId })
    .from(questions)
    .where(eq(questions.id, questionId));
  if (!row) throw notFound("question.not_found", "This question does not exist");
  return { questionId, ...row, status, changed: false };
}
