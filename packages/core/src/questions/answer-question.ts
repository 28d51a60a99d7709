import { answers, type Database, products, questions, sellers, users } from "@bazaar/db";
import { type AnswerDto, AnswerQuestionInput, type AnswerRole } from "@bazaar/schemas";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { forbidden, notFound } from "../errors";
import {
  dispatchEmails,
  type Notified,
  notify,
  publishNotified,
  questionAnsweredNotice,
  queueEmail,
} from "../notifications";
import type { Actor, Deps } from "../platform/deps";
import { requireApprovedSeller } from "../sellers";
import { authorOf, hasDeliveredLine, lockQuestion } from "./queries";

/**
 * Answers a published question. Who may: the product's seller (shown under the shop's name),
 * an admin (shown as Bazaar), or a customer who received the product (a verified buyer);
 * anyone else is refused with the reason. The question's answer count and the time the
 * seller first answered move in the same transaction, under the question's row lock, so
 * they stay exact when answers arrive at once. The asker is emailed. Sending the same answer
 * twice gives back the first.
 */
export async function answerQuestion(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof AnswerQuestionInput>,
): Promise<AnswerDto> {
  const input = AnswerQuestionInput.parse(raw);
  const outbox: string[] = [];
  const notified: Notified[] = [];
  const dto = await deps.db.transaction(async (tx) => {
    const q = await lockQuestion(tx, input.questionId);
    if (q.status !== "published") throw notFound("question.not_found", "This question does not exist");
    const role = await answerRoleOf(tx, actor, q);

    const [same] = await tx
      .select()
      .from(answers)
      .where(
        and(eq(answers.questionId, q.id), eq(answers.authorId, actor.userId), eq(answers.body, input.body)),
      );
    const [row] = same
      ? [same]
      : await (async () => {
          await deps.limiter.consume("question.answer.account", actor.userId);
          return tx
            .insert(answers)
            .values({
              questionId: q.id,
              authorId: actor.userId,
              authorRole: role,
              body: input.body,
              createdAt: deps.now(),
              updatedAt: deps.now(),
            })
            .returning();
        })();
    const a = row!;

    const [ctx] = await tx
      .select({
        userName: users.name,
        shopName: sellers.shopName,
        productTitle: products.title,
        productSlug: products.slug,
      })
      .from(users)
      .innerJoin(sellers, eq(sellers.id, q.sellerId))
      .innerJoin(products, eq(products.id, q.productId))
      .where(eq(users.id, actor.userId));
    const author = authorOf(a.authorRole, ctx!.userName, ctx!.shopName);

    if (!same) {
      const now = deps.now();
      await tx
        .update(questions)
        .set({
          answerCount: sql`${questions.answerCount} + 1`,
          ...(role === "seller" && {
            sellerAnsweredAt: sql`coalesce(${questions.sellerAnsweredAt}, ${now})`,
          }),
          updatedAt: now,
        })
        .where(eq(questions.id, q.id));
      if (q.askerId !== actor.userId) {
        const [asker] = await tx
          .select({ email: users.email, name: users.name })
          .from(users)
          .where(eq(users.id, q.askerId));
        if (asker)
          outbox.push(
            await queueEmail(tx, {
              to: asker.email,
              template: "question_answered",
              payload: {
                name: asker.name,
                productTitle: ctx!.productTitle,
                question: q.body,
                answer: a.body,
                authorName: author.verifiedBuyer ? `${author.name} (verified buyer)` : author.name,
                url: `${deps.urls.customer}/p/${ctx!.productSlug}#questions`,
              },
            }),
          );
        notified.push(
          await notify(
            tx,
            questionAnsweredNotice(q.askerId, {
              productTitle: ctx!.productTitle,
              productSlug: ctx!.productSlug,
              authorName: author.name,
              body: a.body,
            }),
          ),
        );
      }
    }
    return {
      id: a.id,
      questionId: a.questionId,
      body: a.body,
      author,
      upvotes: a.upvotes,
      votedByMe: false,
      createdAt: a.createdAt,
    } satisfies AnswerDto;
  });
  await dispatchEmails(deps, outbox);
  await publishNotified(deps, ...notified);
  return dto;
}

/** The role the caller answers in, or the reason they may not answer this question. */
async function answerRoleOf(
  tx: Database,
  actor: Actor,
  q: { productId: string; sellerId: string },
): Promise<AnswerRole> {
  if (actor.role === "admin") return "admin";
  if (actor.role === "seller") {
    const seller = await requireApprovedSeller({ db: tx }, actor);
    if (seller.sellerId !== q.sellerId)
      throw forbidden(
        "question.not_your_product",
        "Only the shop that sells this product can answer as its seller",
      );
    return "seller";
  }
  if (await hasDeliveredLine(tx, actor.userId, q.productId)) return "buyer";
  throw forbidden(
    "question.not_a_buyer",
    "Only buyers who have received this product, its seller or Bazaar can answer",
  );
}
