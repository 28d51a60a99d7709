import { useTRPC } from "@bazaar/client";
import type { CartDto } from "@bazaar/schemas";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSession } from "./app-context";

/**
 * The cart: a guest's (its token kept on the device, so it survives restarts) or the
 * signed-in customer's. Every change answers with the whole cart, which replaces the cache.
 */
export function useCart() {
  const trpc = useTRPC();
  const session = useSession();
  const queryClient = useQueryClient();
  const cart = useQuery(trpc.cart.get.queryOptions());
  const apply = async (result: CartDto & { guestToken?: string }) => {
    await session.rememberGuestCart(result.guestToken);
    const { guestToken: _, ...dto } = result;
    queryClient.setQueryData(trpc.cart.get.queryKey(), dto);
  };
  const add = useMutation(trpc.cart.addItem.mutationOptions({ onSuccess: apply }));
  const update = useMutation(trpc.cart.updateItem.mutationOptions({ onSuccess: apply }));
  const remove = useMutation(trpc.cart.removeItem.mutationOptions({ onSuccess: apply }));
  return { cart, add, update, remove };
}
