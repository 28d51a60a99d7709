import { questions, sellers, users } from "@bazaar/db";
import { AskQuestionInput, type QuestionDto } from "@bazaar/schemas";
import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { forbidden, notFound } from "../errors";
import {
  dispatchEmails,
  type Notified,
  notify,
  publishNotified,
  questionAskedNotice,
  queueEmail,
} from "../notifications";
import type { Actor, Deps } from "../platform/deps";
import { publishedAnswers, shortName, visibleProduct, votedFor } from "./queries";

/**
 * A signed-in customer asks about an approved product; the product's seller is emailed.
 * Asking the same thing twice (a double click, a retry) gives back the first question.
 */
export async function askQuestion(
  deps: Deps,
  actor: Actor,
  raw: z.input<typeof AskQuestionInput>,
): Promise<QuestionDto> {
  const input = AskQuestionInput.parse(raw);
  if (actor.role !== "customer")
    throw forbidden("question.customers_only", "Only customer accounts can ask questions");
  const product = await visibleProduct(deps.db, input.productId);
  if (!product) throw notFound("product.not_found", "This product is not available");

  const outbox: string[] = [];
  const notified: Notified[] = [];
  const result = await deps.db.transaction(async (tx) => {
    // One asker and product at a time, so the same question sent twice at once is stored once.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`question:${actor.userId}:${product.id}`}))`,
    );
    const [same] = await tx
      .select()
      .from(questions)
      .where(
        and(
          eq(questions.productId, product.id),
          eq(questions.askerId, actor.userId),
          eq(questions.body, input.body),
        ),
      );
    const [asker] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.userId));
    if (same) return { q: same, asker: asker!, fresh: false };
    // Counted only for questions actually stored: a retry costs nothing.
    await deps.limiter.consume("question.ask.account", actor.userId);
    const [q] = await tx
      .insert(questions)
      .values({
        productId: product.id,
        sellerId: product.sellerId,
        askerId: actor.userId,
        body: input.body,
        createdAt: deps.now(),
        updatedAt: deps.now(),
      })
      .returning();
    const [shop] = await tx
      .select({ email: users.email, shopName: sellers.shopName, userId: sellers.userId })
      .from(sellers)
      .innerJoin(users, eq(users.id, sellers.userId))
      .where(eq(sellers.id, product.sellerId));
    if (shop)
      outbox.push(
        await queueEmail(tx, {
          to: shop.email,
          template: "question_asked",
          payload: {
            shopName: shop.shopName,
            askerName: shortName(asker!.name),
            productTitle: product.title,
            question: input.body,
            url: `${deps.urls.seller}/questions`,
          },
        }),
      );
    if (shop)
      notified.push(
        await notify(tx, questionAskedNotice(shop.userId, { productTitle: product.title, body: input.body })),
      );
    return { q: q!, asker: asker!, fresh: true };
  });
  await dispatchEmails(deps, outbox);
  await publishNotified(deps, ...notified);

  const { q, asker, fresh } = result;
  const answers = fresh ? [] : ((await publishedAnswers(deps.db, [q.id], actor.userId)).get(q.id) ?? []);
  return {
    id: q.id,
    productId: q.productId,
    body: q.body,
    askerName: shortName(asker.name),
    upvotes: q.upvotes,
    votedByMe: fresh ? false : await votedFor(deps, q.id, actor.userId),
    answerCount: q.answerCount,
    answeredBySeller: q.sellerAnsweredAt !== null,
    sellerAnsweredAt: q.sellerAnsweredAt,
    answers,
    createdAt: q.createdAt,
  };
}
