import {
  answers,
  conversations,
  type Database,
  messages,
  products,
  questions,
  reviews,
  sellers,
} from "@bazaar/db";
import type { ReportTargetPreviewDto, ReportTargetType } from "@bazaar/schemas";
import { and, eq, inArray, isNull, ne, or } from "drizzle-orm";
import { notFound } from "../errors";

/*
 * The reported things live in other domains' tables. This file only reads them: whether
 * one is publicly visible (what a reporter may report), what the admin sees of it, and
 * which shop it belongs to. Every change to them goes through the owning domain.
 */

const MISSING: Record<ReportTargetType, string> = {
  product: "Product not found",
  review: "Review not found",
  question: "Question not found",
  answer: "Answer not found",
  shop: "Shop not found",
  message: "Message not found",
};

/** Public means what the storefront shows: approved product of an approved shop, published content. */
const liveProduct = and(eq(products.status, "approved"), eq(sellers.status, "approved"));

/** A review or a question the storefront shows: published, on a live product. */
const publishedOnLiveProduct = (db: Database, table: typeof reviews | typeof questions, id: string) =>
  db
    .select({ id: table.id })
    .from(table)
    .innerJoin(products, eq(products.id, table.productId))
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .where(and(eq(table.id, id), eq(table.status, "published"), liveProduct));

/**
 * Refuses a target that does not exist or that the public cannot see (a hidden review, a
 * product off sale, a suspended shop) with NOT_FOUND, as the storefront would: a reporter
 * learns nothing about what they cannot see.
 */
export async function assertReportable(
  db: Database,
  type: ReportTargetType,
  id: string,
  reporterId?: string,
): Promise<void> {
  let found: unknown;
  switch (type) {
    // A message is private: only the other side of its conversation may report it.
    case "message":
      [found] = reporterId
        ? await db
            .select({ id: messages.id })
            .from(messages)
            .innerJoin(conversations, eq(conversations.id, messages.conversationId))
            .innerJoin(sellers, eq(sellers.id, conversations.sellerId))
            .where(
              and(
                eq(messages.id, id),
                isNull(messages.hiddenAt),
                ne(messages.senderId, reporterId),
                or(eq(conversations.customerId, reporterId), eq(sellers.userId, reporterId)),
              ),
            )
        : [];
      break;
    case "product":
      [found] = await db
        .select({ id: products.id })
        .from(products)
        .innerJoin(sellers, eq(sellers.id, products.sellerId))
        .where(and(eq(products.id, id), liveProduct));
      break;
    case "review":
      [found] = await publishedOnLiveProduct(db, reviews, id);
      break;
    case "question":
      [found] = await publishedOnLiveProduct(db, questions, id);
      break;
    case "answer":
      [found] = await db
        .select({ id: answers.id })
        .from(answers)
        .innerJoin(questions, eq(questions.id, answers.questionId))
        .innerJoin(products, eq(products.id, questions.productId))
        .innerJoin(sellers, eq(sellers.id, products.sellerId))
        .where(
          and(
            eq(answers.id, id),
            eq(answers.status, "published"),
            eq(questions.status, "published"),
            liveProduct,
          ),
        );
      break;
    case "shop":
      [found] = await db
        .select({ id: sellers.id })
        .from(sellers)
        .where(and(eq(sellers.id, id), eq(sellers.status, "approved")));
      break;
  }
  if (!found) throw notFound(`report.${type}_not_found`, MISSING[type]);
}

/** The shop a target belongs to (the shop itself for a shop); null when the target is gone. */
export async function shopOfTarget(db: Database, type: ReportTargetType, id: string): Promise<string | null> {
  const [row] = await (() => {
    switch (type) {
      case "shop":
        return db.select({ sellerId: sellers.id }).from(sellers).where(eq(sellers.id, id));
      case "product":
        return db.select({ sellerId: products.sellerId }).from(products).where(eq(products.id, id));
      case "review":
        return db.select({ sellerId: reviews.sellerId }).from(reviews).where(eq(reviews.id, id));
      case "question":
        return db.select({ sellerId: questions.sellerId }).from(questions).where(eq(questions.id, id));
      case "answer":
        return db
          .select({ sellerId: questions.sellerId })
          .from(answers)
          .innerJoin(questions, eq(questions.id, answers.questionId))
          .where(eq(answers.id, id));
      case "message":
        return db
          .select({ sellerId: conversations.sellerId })
          .from(messages)
          .innerJoin(conversations, eq(conversations.id, messages.conversationId))
          .where(eq(messages.id, id));
    }
  })();
  return row?.sellerId ?? null;
}

/** The content status (published/hidden) of a review, question, answer or message; null when it is gone. */
export async function contentStatus(
  db: Database,
  type: "review" | "question" | "answer" | "message",
  id: string,
): Promise<"published" | "hidden" | null> {
  if (type === "message") {
    const [m] = await db.select({ hiddenAt: messages.hiddenAt }).from(messages).where(eq(messages.id, id));
    return m ? (m.hiddenAt ? "hidden" : "published") : null;
  }
  const table = type === "review" ? reviews : type === "question" ? questions : answers;
  const [row] = await db.select({ status: table.status }).from(table).where(eq(table.id, id));
  return row?.status ?? null;
}

/** A product's status and takedown time, for deciding an unlist; null when it is gone. */
export async function productState(db: Database, id: string) {
  const [row] = await db
    .select({
      status: products.status,
      statusReason: products.statusReason,
      takenDownAt: products.takenDownAt,
    })
    .from(products)
    .where(eq(products.id, id));
  return row ?? null;
}

export async function shopState(db: Database, sellerId: string) {
  const [row] = await db.select({ status: sellers.status }).from(sellers).where(eq(sellers.id, sellerId));
  return row?.status ?? null;
}

type ProductRef = NonNullable<ReportTargetPreviewDto["product"]>;
type ShopRef = NonNullable<ReportTargetPreviewDto["shop"]>;

const empty = (type: ReportTargetType, id: string): ReportTargetPreviewDto => ({
  type,
  id,
  exists: false,
  title: null,
  text: null,
  status: null,
  rating: null,
  questionText: null,
  product: null,
  shop: null,
  conversationId: null,
});

/** What the admin queue shows of each target, a few queries per page whatever its size. */
export async function targetPreviews(
  db: Database,
  targets: { type: ReportTargetType; id: string }[],
): Promise<Map<string, ReportTargetPreviewDto>> {
  const ids = (type: ReportTargetType) => [
    ...new Set(targets.filter((t) => t.type === type).map((t) => t.id)),
  ];
  const out = new Map<string, ReportTargetPreviewDto>();
  const key = (type: ReportTargetType, id: string) => `${type}:${id}`;

  const reviewIds = ids("review");
  const reviewRows = reviewIds.length
    ? await db
        .select({
          id: reviews.id,
          title: reviews.title,
          body: reviews.body,
          rating: reviews.rating,
          status: reviews.status,
          productId: reviews.productId,
        })
        .from(reviews)
        .where(inArray(reviews.id, reviewIds))
    : [];
  const answerIds = ids("answer");
  const answerRows = answerIds.length
    ? await db
        .select({
          id: answers.id,
          body: answers.body,
          status: answers.status,
          questionId: answers.questionId,
          questionBody: questions.body,
          productId: questions.productId,
        })
        .from(answers)
        .innerJoin(questions, eq(questions.id, answers.questionId))
        .where(inArray(answers.id, answerIds))
    : [];
  const questionIds = ids("question");
  const questionRows = questionIds.length
    ? await db
        .select({
          id: questions.id,
          body: questions.body,
          status: questions.status,
          productId: questions.productId,
        })
        .from(questions)
        .where(inArray(questions.id, questionIds))
    : [];

  const productIds = [
    ...new Set([
      ...ids("product"),
      ...reviewRows.map((r) => r.productId),
      ...answerRows.map((r) => r.productId),
      ...questionRows.map((r) => r.productId),
    ]),
  ];
  const productRows = productIds.length
    ? await db
        .select({
          id: products.id,
          title: products.title,
          slug: products.slug,
          status: products.status,
          sellerId: products.sellerId,
        })
        .from(products)
        .where(inArray(products.id, productIds))
    : [];
  const productOf = new Map(productRows.map((p) => [p.id, p]));
  const shopIds = [...new Set([...ids("shop"), ...productRows.map((p) => p.sellerId)])];
  const shopRows = shopIds.length
    ? await db
        .select({ id: sellers.id, shopName: sellers.shopName, slug: sellers.slug, status: sellers.status })
        .from(sellers)
        .where(inArray(sellers.id, shopIds))
    : [];
  const shopOf = new Map<string, ShopRef>(shopRows.map((s) => [s.id, s]));
  const productRef = (id: string): ProductRef | null => {
    const p = productOf.get(id);
    return p ? { id: p.id, title: p.title, slug: p.slug, status: p.status } : null;
  };
  const shopOfProduct = (id: string) => shopOf.get(productOf.get(id)?.sellerId ?? "") ?? null;
  /** What a review, question or answer shows of the product it is on, and that product's shop. */
  const onProduct = (type: ReportTargetType, id: string, productId: string) => ({
    ...empty(type, id),
    exists: true,
    title: productOf.get(productId)?.title ?? null,
    product: productRef(productId),
    shop: shopOfProduct(productId),
  });

  for (const p of productRows)
    out.set(key("product", p.id), {
      ...empty("product", p.id),
      exists: true,
      title: p.title,
      status: p.status,
      product: productRef(p.id),
      shop: shopOfProduct(p.id),
    });
  for (const r of reviewRows)
    out.set(key("review", r.id), {
      ...onProduct("review", r.id, r.productId),
      text: r.title ? `${r.title}\n${r.body}` : r.body,
      status: r.status,
      rating: r.rating,
    });
  for (const q of questionRows)
    out.set(key("question", q.id), {
      ...onProduct("question", q.id, q.productId),
      text: q.body,
      status: q.status,
    });
  for (const a of answerRows)
    out.set(key("answer", a.id), {
      ...onProduct("answer", a.id, a.productId),
      text: a.body,
      status: a.status,
      questionText: a.questionBody,
    });
  const messageIds = ids("message");
  const messageRows = messageIds.length
    ? await db
        .select({
          id: messages.id,
          body: messages.body,
          hiddenAt: messages.hiddenAt,
          sellerId: conversations.sellerId,
          conversationId: messages.conversationId,
        })
        .from(messages)
        .innerJoin(conversations, eq(conversations.id, messages.conversationId))
        .where(inArray(messages.id, messageIds))
    : [];
  const messageShops = messageRows.length
    ? await db
        .select({ id: sellers.id, shopName: sellers.shopName, slug: sellers.slug, status: sellers.status })
        .from(sellers)
        .where(inArray(sellers.id, [...new Set(messageRows.map((m) => m.sellerId))]))
    : [];
  // The admin reads the whole conversation through admin.messages.thread (audited).
  for (const m of messageRows)
    out.set(key("message", m.id), {
      ...empty("message", m.id),
      exists: true,
      text: m.body,
      status: m.hiddenAt ? "hidden" : "published",
      shop: messageShops.find((s) => s.id === m.sellerId) ?? null,
      conversationId: m.conversationId,
    });
  for (const s of shopRows)
    if (ids("shop").includes(s.id))
      out.set(key("shop", s.id), {
        ...empty("shop", s.id),
        exists: true,
        title: s.shopName,
        status: s.status,
        shop: s,
      });

  // A product reported directly is keyed as a product; one only referenced by a review is not.
  for (const t of targets) if (!out.has(key(t.type, t.id))) out.set(key(t.type, t.id), empty(t.type, t.id));
  return out;
}

export const previewKey = (type: ReportTargetType, id: string) => `${type}:${id}`;
