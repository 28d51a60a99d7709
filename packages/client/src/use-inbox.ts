import type { MessageDto, MessageEventDto, ThreadDto } from "@bazaar/schemas";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useInboxUpdates } from "./inbox-updates";
import { useTRPC } from "./provider";

/** Whose inbox: the buyer's (`messages.*`) or the shop's (`seller.messages.*`). */
export type InboxSide = "customer" | "seller";

/** The side's procedures; both routers take and answer the same shapes. */
function useInboxApi(side: InboxSide) {
  const trpc = useTRPC();
  return side === "seller" ? trpc.seller.messages : trpc.messages;
}

/** Merges messages into a thread by seq, each once (see mergeMessages in @bazaar/ui, the same rule). */
function withMessages(thread: ThreadDto, incoming: readonly MessageDto[]): ThreadDto {
  const bySeq = new Map(thread.messages.map((m) => [m.seq, m]));
  for (const m of incoming) bySeq.set(m.seq, m);
  return { ...thread, messages: [...bySeq.values()].sort((a, b) => a.seq - b.seq) };
}

/**
 * The inbox stream for a whole app, mounted once in its shell: new messages join the open
 * thread's cache (no refetch), read receipts move its "Seen", and the conversation list and
 * unread counts refetch. A restarted stream refetches everything shown.
 */
export function useInboxLive(side: InboxSide, enabled: boolean) {
  const api = useInboxApi(side);
  const queryClient = useQueryClient();
  const onEvent = (event: MessageEventDto | null) => {
    if (event === null) {
      void queryClient.invalidateQueries(api.pathFilter());
      return;
    }
    const thread = api.thread.queryFilter({ conversationId: event.conversationId });
    if (event.kind === "message") {
      queryClient.setQueriesData<ThreadDto>(thread, (t) => (t ? withMessages(t, [event.message]) : t));
    } else if (event.reader !== side) {
      queryClient.setQueriesData<ThreadDto>(thread, (t) =>
        t
          ? {
              ...t,
              conversation: {
                ...t.conversation,
                otherReadSeq: Math.max(t.conversation.otherReadSeq, event.readSeq),
              },
            }
          : t,
      );
    }
    void queryClient.invalidateQueries(api.list.pathFilter());
    void queryClient.invalidateQueries(api.unreadCount.pathFilter());
  };
  return useInboxUpdates({ onEvent, enabled });
}

/** Unread messages across the caller's conversations, for the nav; null while unknown. */
export function useMessageUnreadCount(side: InboxSide, enabled: boolean): number | null {
  const api = useInboxApi(side);
  const count = useQuery({ ...api.unreadCount.queryOptions(), enabled });
  return count.data?.messages ?? null;
}

/** The conversations, cursor pages: the shop's unread first, the buyer's most recent first. */
export function useConversations(side: InboxSide) {
  const api = useInboxApi(side);
  return useInfiniteQuery(
    api.list.infiniteQueryOptions(
      { limit: 20, sort: side === "seller" ? "unread_first" : "recent" },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
}

/**
 * One conversation: its latest messages (live through useInboxLive), earlier ones on demand,
 * marking read what the viewer has on screen, sending and reporting.
 */
export function useThread(side: InboxSide, conversationId: string) {
  const api = useInboxApi(side);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const thread = useQuery(api.thread.queryOptions({ conversationId }));
  const [older, setOlder] = useState<{ messages: MessageDto[]; before: number | null } | null>(null);
  const loadOlder = useMutation({
    mutationFn: (beforeSeq: number) =>
      queryClient.fetchQuery(api.thread.queryOptions({ conversationId, beforeSeq })),
    onSuccess: (page) =>
      setOlder((o) => ({
        messages: [...page.messages, ...(o?.messages ?? [])],
        before: page.olderBeforeSeq,
      })),
  });
  const refreshCounts = () => {
    void queryClient.invalidateQueries(api.list.pathFilter());
    void queryClient.invalidateQueries(api.unreadCount.pathFilter());
  };
  const markRead = useMutation(api.markRead.mutationOptions({ onSuccess: refreshCounts }));
  const send = useMutation(
    api.send.mutationOptions({
      onSuccess: (message) => {
        queryClient.setQueriesData<ThreadDto>(api.thread.queryFilter({ conversationId }), (t) =>
          t ? withMessages(t, [message]) : t,
        );
        refreshCounts();
      },
    }),
  );
  const report = useMutation(trpc.messages.report.mutationOptions());

  // What the viewer has on screen counts as read: everything up to the newest message, once
  // per new message from the other side, and only while the tab is in view (a thread left
  // open in a background tab must not send "Seen" for messages nobody looked at).
  const visible = usePageVisible();
  const data = thread.data;
  const newestTheirs = data?.messages.findLast((m) => !m.mine)?.seq ?? 0;
  const marked = useRef(0);
  const { mutate } = markRead;
  useEffect(() => {
    if (!data || newestTheirs === 0 || !visible) return;
    if (newestTheirs <= Math.max(data.conversation.myReadSeq, marked.current)) return;
    marked.current = newestTheirs;
    mutate({ conversationId, upToSeq: newestTheirs });
  }, [data, newestTheirs, conversationId, mutate, visible]);

  const messages = data ? [...(older?.messages ?? []), ...data.messages] : [];
  const olderBeforeSeq = older ? older.before : (data?.olderBeforeSeq ?? null);
  return { thread, messages, olderBeforeSeq, loadOlder, send, report };
}

const subscribeVisibility = (onChange: () => void) => {
  document.addEventListener("visibilitychange", onChange);
  return () => document.removeEventListener("visibilitychange", onChange);
};

/** Whether the page is in view (not a background tab or a minimised window). */
function usePageVisible(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState !== "hidden",
    () => true,
  );
}
