// zod schemas of the questions domain: inputs, DTOs and their enums.
import { z } from "zod";
import { Id, PageInput, safeText } from "./common";

/** Who wrote an answer: the product's seller, a Bazaar admin, or a buyer who received the product. */
export const AnswerRole = z.enum(["seller", "admin", "buyer"]);
export type AnswerRole = z.infer<typeof AnswerRole>;

/** Moderation state of a question or an answer: hidden ones are listed nowhere public. */
export const QaStatus = z.enum(["published", "hidden"]);
export type QaStatus = z.infer<typeof QaStatus>;

const QuestionBody = safeText("Question", { multiline: true })
  .min(10, "Write your question in at least 10 characters")
  .max(1000, "Keep your question under 1000 characters");
const AnswerBody = safeText("Answer", { multiline: true })
  .min(2, "Write an answer of at least 2 characters")
  .max(2000, "Keep your answer under 2000 characters");

/** `questions.ask`: a signed-in customer asks about an approved product. */
export const AskQuestionInput = z.object({ productId: Id, body: QuestionBody });
export type AskQuestionInput = z.input<typeof AskQuestionInput>;

/** `questions.answer` (and `seller.questions.answer`): the seller, an admin or a buyer of the product. */
export const AnswerQuestionInput = z.object({ questionId: Id, body: AnswerBody });
export type AnswerQuestionInput = z.input<typeof AnswerQuestionInput>;

/** `questions.list`: the product page's questions, answered by the seller first. */
export const QuestionsListInput = PageInput.extend({
  productId: Id,
  limit: z.number().int().min(1).max(50).default(10),
});
export type QuestionsListInput = z.input<typeof QuestionsListInput>;

/** `questions.vote`: toggles the caller's upvote on a question. */
export const QuestionVoteInput = z.object({ questionId: Id });
export type QuestionVoteInput = z.input<typeof QuestionVoteInput>;

/** `questions.voteAnswer`: toggles the caller's upvote on an answer. */
export const AnswerVoteInput = z.object({ answerId: Id });
export type AnswerVoteInput = z.input<typeof AnswerVoteInput>;

/** The seller's inbox filter: open = no answer from the seller yet. */
export const SellerQuestionsStatus = z.enum(["open", "answered", "all"], {
  message: "Status must be open, answered or all",
});
export type SellerQuestionsStatus = z.infer<typeof SellerQuestionsStatus>;

/** `seller.questions.list`: questions on the seller's own products, newest first. */
export const SellerQuestionsListInput = PageInput.extend({
  status: SellerQuestionsStatus.default("open"),
  /** Only this product's questions (it must be the seller's). */
  productId: Id.optional(),
});
export type SellerQuestionsListInput = z.input<typeof SellerQuestionsListInput>;

// ---- DTOs --------------------------------------------------------------------------------

/**
 * How an author is shown: the shop's name for the seller, "Bazaar" for an admin, first name
 * and initial for a buyer (`verifiedBuyer` true: they received the product).
 */
export type QaAuthorDto = { role: AnswerRole; name: string; verifiedBuyer: boolean };

export type AnswerDto = {
  id: string;
  questionId: string;
  body: string;
  author: QaAuthorDto;
  upvotes: number;
  /** The caller has upvoted it (always false for anonymous callers). */
  votedByMe: boolean;
  createdAt: Date;
};

export type QuestionDto = {
  id: string;
  productId: string;
  body: string;
  /** The asker's first name and initial. */
  askerName: string;
  upvotes: number;
  votedByMe: boolean;
  /** Published answers in all (the list carries the top ones). */
  answerCount: number;
  answeredBySeller: boolean;
  sellerAnsweredAt: Date | null;
  /** Published answers: the seller's first, then most upvoted, then oldest. At most 20. */
  answers: AnswerDto[];
  createdAt: Date;
};

export type QuestionsPageDto = { items: QuestionDto[]; nextCursor: string | null };

/** What a vote toggle answers: where the caller's vote now stands and the exact count. */
export type VoteResultDto = { voted: boolean; upvotes: number };

/** A published question in the seller's inbox, with its product and its published answers. */
export type SellerQuestionDto = {
  id: string;
  body: string;
  askerName: string;
  product: { id: string; title: string; slug: string };
  upvotes: number;
  answerCount: number;
  sellerAnsweredAt: Date | null;
  answers: AnswerDto[];
  createdAt: Date;
};

export type SellerQuestionsPageDto = { items: SellerQuestionDto[]; nextCursor: string | null };
