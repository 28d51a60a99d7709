import {
  type Actor,
  answerQuestion,
  askQuestion,
  authenticate,
  DomainError,
  listQuestions,
  listSellerQuestions,
  voteAnswer,
  voteQuestion,
} from "@bazaar/core";
import {
  AnswerQuestionInput,
  AnswerVoteInput,
  AskQuestionInput,
  QuestionsListInput,
  QuestionVoteInput,
  SellerQuestionsListInput,
} from "@bazaar/schemas";
import { authedProcedure, customerProcedure, publicProcedure, sellerProcedure } from "../trpc";

/**
 * Public, but a signed-in caller is recognised so the list can say what they voted for.
 * A stale or revoked token makes the caller anonymous here instead of failing a public page.
 */
const viewerProcedure = publicProcedure.use(async ({ ctx, next }) => {
  let viewer: Actor | null = null;
  if (ctx.http.accessToken)
    viewer = await authenticate(ctx.deps, ctx.http.accessToken).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === "UNAUTHORIZED") return null;
      throw e;
    });
  return next({ ctx: { ...ctx, viewer } });
});

export const questionsRoutes = {
  /** Mounted at `questions`: the product page's questions and answers. */
  public: {
    list: viewerProcedure
      .input(QuestionsListInput)
      .query(({ ctx, input }) => listQuestions(ctx.deps, ctx.viewer, input)),
  },
  customer: {
    ask: customerProcedure
      .input(AskQuestionInput)
      .mutation(({ ctx, input }) => askQuestion(ctx.deps, ctx.actor, input)),
  },
  /** Any role may vote; who may answer (seller of the product, admin, buyer) is decided in core. */
  signedIn: {
    answer: authedProcedure
      .input(AnswerQuestionInput)
      .mutation(({ ctx, input }) => answerQuestion(ctx.deps, ctx.actor, input)),
    vote: authedProcedure
      .input(QuestionVoteInput)
      .mutation(({ ctx, input }) => voteQuestion(ctx.deps, ctx.actor, input)),
    voteAnswer: authedProcedure
      .input(AnswerVoteInput)
      .mutation(({ ctx, input }) => voteAnswer(ctx.deps, ctx.actor, input)),
  },
  seller: {
    /** Mounted at `seller.questions`: the inbox of questions on the seller's own products. */
    questions: {
      list: sellerProcedure
        .input(SellerQuestionsListInput)
        .query(({ ctx, input }) => listSellerQuestions(ctx.deps, ctx.actor, input)),
      answer: sellerProcedure
        .input(AnswerQuestionInput)
        .mutation(({ ctx, input }) => answerQuestion(ctx.deps, ctx.actor, input)),
    },
  },
  admin: {},
};
