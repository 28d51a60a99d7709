import type { OrderUpdateEvent } from "@bazaar/schemas";
import { type TRPCSubscriptionStatus, useSubscription } from "@trpc/tanstack-react-query";
import { useRef } from "react";
import { useAuth, useTRPC } from "./provider";

export type UseOrderUpdatesOptions = {
  /**
   * Called with each event as a sub-order moves, and with null when the stream reconnects
   * (events may have been missed meanwhile, so re-read everything shown).
   */
  onUpdate: (event: OrderUpdateEvent | null) => void;
  /** Off by default for anyone but a signed-in customer or seller; this turns it off for them too. */
  enabled?: boolean;
};

/**
 * Live order status for the signed-in buyer (their orders) or seller (their shop's), over
 * the `orders.onUpdate` subscription. Events say what moved; pages refetch the rest.
 */
export function useOrderUpdates(options: UseOrderUpdatesOptions): TRPCSubscriptionStatus {
  const trpc = useTRPC();
  const { status, user } = useAuth();
  const enabled =
    (options.enabled ?? true) &&
    status === "signedIn" &&
    (user?.role === "customer" || user?.role === "seller");
  const onUpdate = useRef(options.onUpdate);
  onUpdate.current = options.onUpdate;
  const starts = useRef(0);
  const subscription = useSubscription(
    trpc.orders.onUpdate.subscriptionOptions(undefined, {
      enabled,
      onStarted: () => {
        if (starts.current++ > 0) onUpdate.current(null);
      },
      onData: (event) => onUpdate.current(event),
    }),
  );
  return subscription.status;
}
