import { useAuth, useTRPC } from "@bazaar/client";
import type { CartDto } from "@bazaar/schemas";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect } from "react";
import { rememberNotices } from "./cart-memory";

/**
 * The cart of whoever is here: a guest (by the `bazaar_cart` cookie) or a signed-in
 * customer. Other roles have no cart, so nothing is asked for them.
 */
export function useCart() {
  const trpc = useTRPC();
  const { status, user } = useAuth();
  const allowed = status === "signedOut" || (status === "signedIn" && user?.role === "customer");
  const cart = useQuery({ ...trpc.cart.get.queryOptions(), enabled: allowed });
  useEffect(() => {
    if (cart.data) rememberNotices(cart.data);
  }, [cart.data]);
  return { cart, allowed, authLoading: status === "loading" };
}

/**
 * For every cart mutation's success: keeps what its answer reported, shows that answer at
 * once, and refetches the cart.
 */
export function useCartChanged(): (cart?: CartDto) => Promise<void> {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    async (cart?: CartDto) => {
      if (cart) {
        rememberNotices(cart);
        queryClient.setQueryData(trpc.cart.get.queryKey(), cart);
      }
      await queryClient.invalidateQueries(trpc.cart.get.queryFilter());
    },
    [trpc, queryClient],
  );
}
