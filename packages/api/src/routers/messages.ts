import {
  adminGetThread,
  assertSessionLiveBatched,
  createReport,
  getShopResponseTime,
  getThread,
  listConversations,
  markConversationRead,
  messageUnreadCount,
  requireApprovedSeller,
  sendMessage,
  startConversation,
  streamMessages,
} from "@bazaar/core";
import {
  AdminThreadInput,
  ConversationsListInput,
  MarkConversationReadInput,
  OnMessageInput,
  ReportMessageInput,
  SendMessageInput,
  ShopResponseTimeInput,
  StartConversationInput,
  ThreadInput,
} from "@bazaar/schemas";
import { tracked } from "@trpc/server";
import { whileAllowed } from "../live";
import {
  adminProcedure,
  authedProcedure,
  customerProcedure,
  publicProcedure,
  router,
  sellerProcedure,
} from "../trpc";

/**
 * The caller's inbox stream, buyers and sellers alike: `onData` receives `{ id, data }` with
 * `data` a MessageEventDto. `id` is the highest message seq delivered so far, so the tRPC
 * client reconnects with `lastEventId` and core sends what it missed before the live ones,
 * without gaps or duplicates.
 */
const onMessage = authedProcedure.input(OnMessageInput).subscription(async function* ({
  ctx,
  input,
  signal,
}) {
  const seller = ctx.actor.role === "seller";
  const actor = seller ? await requireApprovedSeller(ctx.deps, ctx.actor) : ctx.actor;
  const stream = whileAllowed(
    ctx,
    signal,
    (s) => streamMessages(ctx.deps, actor, input, s),
    async (a) => {
      // Batched: one message reaches every open tab at once, and each re-checks its session.
      await assertSessionLiveBatched(ctx.deps, a);
      if (seller) await requireApprovedSeller(ctx.deps, a);
    },
  );
  for await (const { id, event } of stream) yield tracked(id, event);
});

/** Buyer–seller conversations: the customer's at `messages`, the shop's at `seller.messages`, reported ones at `admin.messages`. */
export const messagesRoutes = {
  customer: {
    start: customerProcedure
      .input(StartConversationInput)
      .mutation(({ ctx, input }) => startConversation(ctx.deps, ctx.actor, input)),
    list: customerProcedure
      .input(ConversationsListInput)
      .query(({ ctx, input }) => listConversations(ctx.deps, ctx.actor, input)),
    thread: customerProcedure
      .input(ThreadInput)
      .query(({ ctx, input }) => getThread(ctx.deps, ctx.actor, input)),
    send: customerProcedure
      .input(SendMessageInput)
      .mutation(({ ctx, input }) => sendMessage(ctx.deps, ctx.actor, input)),
    markRead: customerProcedure
      .input(MarkConversationReadInput)
      .mutation(({ ctx, input }) => markConversationRead(ctx.deps, ctx.actor, input)),
    unreadCount: customerProcedure.query(({ ctx }) => messageUnreadCount(ctx.deps, ctx.actor)),
    /** Either side reports a message of the other into the moderators' queue. */
    report: authedProcedure.input(ReportMessageInput).mutation(({ ctx, input }) =>
      createReport(ctx.deps, ctx.actor, {
        targetType: "message",
        targetId: input.messageId,
        reason: input.reason,
        note: input.note,
      }),
    ),
    /** Both buyers and sellers listen here (one inbox stream per user). */
    onMessage,
    /** The shop page's "usually replies within": median over the last 30 days. */
    responseTime: publicProcedure
      .input(ShopResponseTimeInput)
      .query(({ ctx, input }) => getShopResponseTime(ctx.deps, input)),
  },
  seller: {
    messages: router({
      list: sellerProcedure
        .input(ConversationsListInput)
        .query(({ ctx, input }) => listConversations(ctx.deps, ctx.actor, input)),
      thread: sellerProcedure
        .input(ThreadInput)
        .query(({ ctx, input }) => getThread(ctx.deps, ctx.actor, input)),
      send: sellerProcedure
        .input(SendMessageInput)
        .mutation(({ ctx, input }) => sendMessage(ctx.deps, ctx.actor, input)),
      markRead: sellerProcedure
        .input(MarkConversationReadInput)
        .mutation(({ ctx, input }) => markConversationRead(ctx.deps, ctx.actor, input)),
      unreadCount: sellerProcedure.query(({ ctx }) => messageUnreadCount(ctx.deps, ctx.actor)),
    }),
  },
  admin: {
    messages: router({
      /** Only a conversation with a reported message; every read is audited. */
      thread: adminProcedure
        .input(AdminThreadInput)
        .query(({ ctx, input }) => adminGetThread(ctx.deps, ctx.actor, input)),
    }),
  },
};
