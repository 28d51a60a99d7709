import {
  answers,
  answerVotes,
  type Database,
  orderItems,
  orders,
  products,
  questions,
  questionVotes,
  sellers,
  subOrders,
  users,
} from "@bazaar/db";
import type { AnswerDto, AnswerRole, QaAuthorDto } from "@bazaar/schemas";
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { notFound } from "../errors";

/** At most this many answers ride along with each question in a list. */
export const ANSWERS_PER_QUESTION = 20;

/** "Anita Rao" → "Anita R.": enough to tell people apart, no full name on a public page. */
export function shortName(full: string): string {
  const parts = full.trim().split(/\s+/).filter(Boolean);
  const first = parts[0] ?? "";
  const last = parts.length > 1 ? parts[parts.length - 1]! : "";
  if (!first) return "A Bazaar shopper";
  return last ? `${first} ${[...last][0]!.toUpperCase()}.` : first;
}

/** How an answer's author is shown: the shop, the platform, or a verified buyer. */
export function authorOf(role: AnswerRole, userName: string, shopName: string): QaAuthorDto {
  if (role === "seller") return { role, name: shopName, verifiedBuyer: false };
  if (role === "admin") return { role, name: "Bazaar", verifiedBuyer: false };
  return { role, name: shortName(userName), verifiedBuyer: true };
}

/** A product anyone may see and ask about: approved, its shop approved, not taken down. */
export async function visibleProduct(db: Database, productId: string) {
  const [p] = await db
    .select({ id: products.id, title: products.title, slug: products.slug, sellerId: products.sellerId })
    .from(products)
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .where(
      and(
        eq(products.id, productId),
        eq(products.status, "approved"),
        eq(sellers.status, "approved"),
        isNull(products.takenDownAt),
      ),
    );
  return p;
}

/** The question's row, locked: every change to its answers or votes queues here. */
export async function lockQuestion(tx: Database, questionId: string) {
  const [q] = await tx.select().from(questions).where(eq(questions.id, questionId)).for("update");
  if (!q) throw notFound("question.not_found", "This question does not exist");
  return q;
}

/**
 * Recomputes what the question keeps about its answers from the answers themselves: the
 * published count and when the seller first answered (published answers only). Call under
 * the question's lock.
 */
export async function recountAnswers(tx: Database, questionId: string, now: Date) {
  await tx
    .update(questions)
    .set({
      answerCount: sql`(select count(*)::int from ${answers} where ${answers.questionId} = ${questionId} and ${answers.status} = 'published')`,
      sellerAnsweredAt: sql`(select min(${answers.createdAt}) from ${answers} where ${answers.questionId} = ${questionId} and ${answers.status} = 'published' and ${answers.authorRole} = 'seller')`,
      updatedAt: now,
    })
    .where(eq(questions.id, questionId));
}

/** The user received (a delivered part of an order holds) this product. */
export async function hasDeliveredLine(db: Database, userId: string, productId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(orderItems)
    .innerJoin(subOrders, eq(subOrders.id, orderItems.subOrderId))
    .innerJoin(orders, eq(orders.id, orderItems.orderId))
    .where(
      and(
        eq(orderItems.productId, productId),
        eq(orders.customerId, userId),
        eq(subOrders.status, "delivered"),
      ),
    )
    .limit(1);
  return !!row;
}

/**
 * Published answers of these questions as DTOs, grouped by question: the seller's first,
 * then most upvoted, then oldest; at most ANSWERS_PER_QUESTION each, cut in SQL so a
 * question with thousands of answers costs no more than one with twenty.
 */
export async function publishedAnswers(
  db: Database,
  questionIds: string[],
  viewerId: string | null,
): Promise<Map<string, AnswerDto[]>> {
  const byQuestion = new Map<string, AnswerDto[]>();
  if (!questionIds.length) return byQuestion;
  const ranked = db
    .select({
      id: answers.id,
      questionId: answers.questionId,
      authorId: answers.authorId,
      body: answers.body,
      role: answers.authorRole,
      upvotes: answers.upvotes,
      createdAt: answers.createdAt,
      rank: sql<number>`row_number() over (partition by ${answers.questionId} order by (${answers.authorRole} = 'seller') desc, ${answers.upvotes} desc, ${answers.createdAt} asc, ${answers.id} asc)`.as(
        "rank",
      ),
    })
    .from(answers)
    .where(and(inArray(answers.questionId, questionIds), eq(answers.status, "published")))
    .as("ranked");
  const rows = await db
    .select({
      id: ranked.id,
      questionId: ranked.questionId,
      body: ranked.body,
      role: ranked.role,
      upvotes: ranked.upvotes,
      createdAt: ranked.createdAt,
      userName: users.name,
      shopName: sellers.shopName,
      voted: viewerId
        ? sql<boolean>`exists (select 1 from ${answerVotes} where ${answerVotes.answerId} = ${ranked.id} and ${answerVotes.userId} = ${viewerId})`
        : sql<boolean>`false`,
    })
    .from(ranked)
    .innerJoin(questions, eq(questions.id, ranked.questionId))
    .innerJoin(sellers, eq(sellers.id, questions.sellerId))
    .innerJoin(users, eq(users.id, ranked.authorId))
    .where(lte(ranked.rank, ANSWERS_PER_QUESTION))
    .orderBy(asc(ranked.questionId), asc(ranked.rank));
  for (const r of rows) {
    const list = byQuestion.get(r.questionId) ?? [];
    list.push(toAnswerDto(r));
    byQuestion.set(r.questionId, list);
  }
  return byQuestion;
}

export function toAnswerDto(r: {
  id: string;
  questionId: string;
  body: string;
  role: AnswerRole;
  upvotes: number;
  createdAt: Date;
  userName: string;
  shopName: string;
  voted: boolean;
}): AnswerDto {
  return {
    id: r.id,
    questionId: r.questionId,
    body: r.body,
    author: authorOf(r.role, r.userName, r.shopName),
    upvotes: r.upvotes,
    votedByMe: !!r.voted,
    createdAt: r.createdAt,
  };
}

/** The user has upvoted this question. */
export async function votedFor(deps: { db: Database }, questionId: string, userId: string): Promise<boolean> {
  const [row] = await deps.db
    .select({ one: sql<number>`1` })
    .from(questionVotes)
    .where(and(eq(questionVotes.questionId, questionId), eq(questionVotes.userId, userId)));
  return !!row;
}
