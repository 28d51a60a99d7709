import type { NotificationLiveEvent } from "@bazaar/schemas";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useRef } from "react";
import { useAuth, useTRPC } from "./provider";

/**
 * The bell's count, live: `notifications.unreadCount` once, then `notifications.onNew` keeps
 * it (each event carries the count after it) and refreshes the list when something new
 * arrives. Mounted once, in the app's shell; a restarted stream re-reads both.
 */
export function useNotificationBell(): { count: number | null; live: boolean } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { status } = useAuth();
  const enabled = status === "signedIn";
  const count = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), enabled });
  const starts = useRef(0);
  const onEvent = (event: NotificationLiveEvent) => {
    queryClient.setQueryData(trpc.notifications.unreadCount.queryKey(), { count: event.unreadCount });
    void queryClient.invalidateQueries(trpc.notifications.list.pathFilter());
  };
  const subscription = useSubscription(
    trpc.notifications.onNew.subscriptionOptions(undefined, {
      enabled,
      onStarted: () => {
        if (starts.current++ > 0) void queryClient.invalidateQueries(trpc.notifications.pathFilter());
      },
      onData: (event) =>
        onEvent("data" in event && "id" in event ? (event.data as NotificationLiveEvent) : event),
    }),
  );
  return { count: enabled ? (count.data?.count ?? null) : null, live: subscription.status === "pending" };
}

/** The notifications page: cursor pages newest first, marking one or all read. */
export function useNotificationInbox(unreadOnly: boolean) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: 20, unreadOnly },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const settle = (result: { unreadCount: number }) => {
    queryClient.setQueryData(trpc.notifications.unreadCount.queryKey(), { count: result.unreadCount });
    void queryClient.invalidateQueries(trpc.notifications.list.pathFilter());
  };
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: settle }));
  const markAllRead = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: settle }));
  return { list, markRead, markAllRead };
}

/** The preferences page: every category's switches, each change saved as it is made. */
export function useNotificationPreferences() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preferences = useQuery(trpc.notifications.preferences.queryOptions());
  const save = useMutation(
    trpc.notifications.setPreferences.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.notifications.preferences.queryKey(), next),
    }),
  );
  return { preferences, save };
}
