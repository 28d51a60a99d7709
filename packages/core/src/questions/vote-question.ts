import { questions, questionVotes } from "@bazaar/db";
import { QuestionVoteInput, type VoteResultDto } from "@bazaar/schemas";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { lockQuestion } from "./queries";

/**
 * Toggles the caller's upvote on a published question: one vote per signed-in user. The
 * vote row and the count change together under the question's row lock, so the count equals
 * the votes however many toggles race.
 */
export async function voteQuestion(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: z.input<typeof QuestionVoteInput>,
): Promise<VoteResultDto> {
  const { questionId } = QuestionVoteInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    const q = await lockQuestion(tx, questionId);
    if (q.status !== "published") throw notFound("question.not_found", "This question does not exist");
    const removed = await tx
      .delete(questionVotes)
      .where(and(eq(questionVotes.questionId, questionId), eq(questionVotes.userId, actor.userId)))
      .returning({ userId: questionVotes.userId });
    if (!removed.length) await tx.insert(questionVotes).values({ questionId, userId: actor.userId });
    const delta = removed.length ? -1 : 1;
    const [row] = await tx
      .update(questions)
      .set({ upvotes: sql`${questions.upvotes} + ${delta}` })
      .where(eq(questions.id, questionId))
      .returning({ upvotes: questions.upvotes });
    return { voted: !removed.length, upvotes: row!.upvotes };
  });
}
