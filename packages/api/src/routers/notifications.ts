import {
  assertSessionLive,
  getNotificationPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationsRead,
  notificationUnreadCount,
  setNotificationPreferences,
  streamNotifications,
} from "@bazaar/core";
import {
  MarkNotificationsReadInput,
  NotificationsListInput,
  SetNotificationPreferencesInput,
} from "@bazaar/schemas";
import { whileAllowed } from "../live";
import { authedProcedure } from "../trpc";

/**
 * The signed-in user's in-app inbox and preferences, mounted at `notifications`. Every role
 * has an inbox (buyers, sellers, admins); each call reads and changes only the caller's own
 * rows, which core enforces by the actor's user id.
 */
export const notificationsRoutes = {
  signedIn: {
    list: authedProcedure
      .input(NotificationsListInput)
      .query(({ ctx, input }) => listNotifications(ctx.deps, ctx.actor, input)),
    unreadCount: authedProcedure.query(({ ctx }) => notificationUnreadCount(ctx.deps, ctx.actor)),
    markRead: authedProcedure
      .input(MarkNotificationsReadInput)
      .mutation(({ ctx, input }) => markNotificationsRead(ctx.deps, ctx.actor, input)),
    markAllRead: authedProcedure.mutation(({ ctx }) => markAllNotificationsRead(ctx.deps, ctx.actor)),
    preferences: authedProcedure.query(({ ctx }) => getNotificationPreferences(ctx.deps, ctx.actor)),
    setPreferences: authedProcedure
      .input(SetNotificationPreferencesInput)
      .mutation(({ ctx, input }) => setNotificationPreferences(ctx.deps, ctx.actor, input)),
    /**
     * Live over SSE: first the unread count, then each new notification with the count after
     * it, and count changes made in other tabs. Across API processes through Redis pub/sub.
     */
    onNew: authedProcedure.subscription(async function* ({ ctx, signal }) {
      yield* whileAllowed(
        ctx,
        signal,
        (s) => streamNotifications(ctx.deps, ctx.actor, s),
        (actor) => assertSessionLive(ctx.deps, actor),
      );
    }),
  },
  public: {},
};
