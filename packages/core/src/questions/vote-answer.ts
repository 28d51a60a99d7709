import { answers, answerVotes, questions } from "@bazaar/db";
import { AnswerVoteInput, type VoteResultDto } from "@bazaar/schemas";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";

/**
 * Toggles the caller's upvote on a published answer of a published question: one vote per
 * signed-in user. The vote row and the count change together under the answer's row lock,
 * so the count equals the votes however many toggles race.
 */
export async function voteAnswer(
  deps: Pick<Deps, "db" | "now">,
  actor: Actor,
  raw: z.input<typeof AnswerVoteInput>,
): Promise<VoteResultDto> {
  const { answerId } = AnswerVoteInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    const [a] = await tx
      .select({ status: answers.status, questionStatus: questions.status })
      .from(answers)
      .innerJoin(questions, eq(questions.id, answers.questionId))
      .where(eq(answers.id, answerId))
      .for("update", { of: answers });
    if (a?.status !== "published" || a.questionStatus !== "published")
      throw notFound("answer.not_found", "This answer does not exist");
    const removed = await tx
      .delete(answerVotes)
      .where(and(eq(answerVotes.answerId, answerId), eq(answerVotes.userId, actor.userId)))
      .returning({ userId: answerVotes.userId });
    if (!removed.length) await tx.insert(answerVotes).values({ answerId, userId: actor.userId });
    const delta = removed.length ? -1 : 1;
    const [row] = await tx
      .update(answers)
      .set({ upvotes: sql`${answers.upvotes} + ${delta}` })
      .where(eq(answers.id, answerId))
      .returning({ upvotes: answers.upvotes });
    return { voted: !removed.length, upvotes: row!.upvotes };
  });
}
