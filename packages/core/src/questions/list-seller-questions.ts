import { products, questions, users } from "@bazaar/db";
import {
  type SellerQuestionDto,
  SellerQuestionsListInput,
  type SellerQuestionsPageDto,
} from "@bazaar/schemas";
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { z } from "zod";
import { notFound } from "../errors";
import type { Deps, SellerActor } from "../platform/deps";
import { decodeCursor, page } from "../platform/pagination";
import { publishedAnswers, shortName } from "./queries";

/**
 * The seller's questions inbox: published questions on the shop's own products, newest
 * first. `open` is what still waits for the seller's answer (a buyer's or Bazaar's answer
 * does not close it); `answered` has one. Naming another shop's product is refused.
 */
export async function listSellerQuestions(
  deps: Pick<Deps, "db">,
  actor: SellerActor,
  raw: z.input<typeof SellerQuestionsListInput>,
): Promise<SellerQuestionsPageDto> {
  const input = SellerQuestionsListInput.parse(raw);
  const cursor = decodeCursor(input.cursor);
  if (input.productId) {
    const [p] = await deps.db
      .select({ sellerId: products.sellerId })
      .from(products)
      .where(eq(products.id, input.productId));
    if (p?.sellerId !== actor.sellerId)
      throw notFound("product.not_found", "This product is not in your shop");
  }
  const rows = await deps.db
    .select({
      id: questions.id,
      createdAt: questions.createdAt,
      body: questions.body,
      upvotes: questions.upvotes,
      answerCount: questions.answerCount,
      sellerAnsweredAt: questions.sellerAnsweredAt,
      askerName: users.name,
      product: { id: products.id, title: products.title, slug: products.slug },
    })
    .from(questions)
    .innerJoin(users, eq(users.id, questions.askerId))
    .innerJoin(products, eq(products.id, questions.productId))
    .where(
      and(
        eq(questions.sellerId, actor.sellerId),
        eq(questions.status, "published"),
        input.productId ? eq(questions.productId, input.productId) : undefined,
        input.status === "open" ? isNull(questions.sellerAnsweredAt) : undefined,
        input.status === "answered" ? isNotNull(questions.sellerAnsweredAt) : undefined,
        cursor
          ? sql`(${questions.createdAt}, ${questions.id}) < (${cursor.createdAt}, ${cursor.id})`
          : undefined,
      ),
    )
    .orderBy(desc(questions.createdAt), desc(questions.id))
    .limit(input.limit + 1);
  const p = page(rows, input.limit);
  const answersOf = await publishedAnswers(
    deps.db,
    p.items.map((r) => r.id),
    actor.userId,
  );
  return {
    items: p.items.map(
      (r): SellerQuestionDto => ({
        id: r.id,
        body: r.body,
        askerName: shortName(r.askerName),
        product: r.product,
        upvotes: r.upvotes,
        answerCount: r.answerCount,
        sellerAnsweredAt: r.sellerAnsweredAt,
        answers: answersOf.get(r.id) ?? [],
        createdAt: r.createdAt,
      }),
    ),
    nextCursor: p.nextCursor,
  };
}
