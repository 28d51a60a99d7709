import type { MessageEventDto } from "@bazaar/schemas";
import { type TRPCSubscriptionStatus, useSubscription } from "@trpc/tanstack-react-query";
import { useRef } from "react";
import { useAuth, useTRPC } from "./provider";

export type UseInboxUpdatesOptions = {
  /**
   * Called with each new message or read receipt in the caller's conversations, and with
   * null when the stream restarts after a failure (refetch what is shown: read receipts are
   * not replayed; messages are, from the last seq seen).
   */
  onEvent: (event: MessageEventDto | null) => void;
  enabled?: boolean;
};

/**
 * The signed-in buyer's or seller's inbox stream (`messages.onMessage`). Each event carries
 * its message seq as the SSE id, so when the browser reconnects the tRPC client hands the
 * last one back and the server sends what was missed, each message once.
 */
export function useInboxUpdates(options: UseInboxUpdatesOptions): TRPCSubscriptionStatus {
  const trpc = useTRPC();
  const { status, user } = useAuth();
  const enabled =
    (options.enabled ?? true) &&
    status === "signedIn" &&
    (user?.role === "customer" || user?.role === "seller");
  const onEvent = useRef(options.onEvent);
  onEvent.current = options.onEvent;
  const starts = useRef(0);
  const subscription = useSubscription(
    trpc.messages.onMessage.subscriptionOptions(undefined, {
      enabled,
      onStarted: () => {
        if (starts.current++ > 0) onEvent.current(null);
      },
      onData: (event) => onEvent.current(event.data),
    }),
  );
  return subscription.status;
}
