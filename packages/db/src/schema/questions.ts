import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { products } from "./catalog";
import { users } from "./identity";
import { contentStatusEnum } from "./reviews";
import { sellers } from "./sellers";

/** Who answered: the product's seller, an admin, or a buyer who received the product. */
export const answerRoleEnum = pgEnum("answer_role", ["seller", "admin", "buyer"]);

/** A customer's public question about a product. */
export const questions = pgTable(
  "questions",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** The product's shop, so a seller's inbox is one index walk. */
    sellerId: uuid()
      .notNull()
      .references(() => sellers.id, { onDelete: "restrict" }),
    askerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    body: text().notNull(),
    status: contentStatusEnum().notNull().default("published"),
    upvotes: integer().notNull().default(0),
    answerCount: integer().notNull().default(0),
    /** When the seller first answered; questions answered by the seller list first. */
    sellerAnsweredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("questions_product_idx").on(t.productId, t.status, t.createdAt),
    index("questions_seller_idx").on(t.sellerId, t.sellerAnsweredAt, t.createdAt),
    index("questions_asker_idx").on(t.askerId, t.createdAt),
    check("questions_counts_nonneg", sql`${t.upvotes} >= 0 and ${t.answerCount} >= 0`),
  ],
);

export const answers = pgTable(
  "answers",
  {
    id: uuid().primaryKey().defaultRandom(),
    questionId: uuid()
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    authorId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    authorRole: answerRoleEnum().notNull(),
    body: text().notNull(),
    status: contentStatusEnum().notNull().default("published"),
    upvotes: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("answers_question_idx").on(t.questionId, t.status, t.createdAt),
    check("answers_upvotes_nonneg", sql`${t.upvotes} >= 0`),
  ],
);

/** One upvote per signed-in user and question. */
export const questionVotes = pgTable(
  "question_votes",
  {
    questionId: uuid()
      .notNull()
      .references(() => questions.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.userId] })],
);

/** One upvote per signed-in user and answer. */
export const answerVotes = pgTable(
  "answer_votes",
  {
    answerId: uuid()
      .notNull()
      .references(() => answers.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.userId] })],
);
