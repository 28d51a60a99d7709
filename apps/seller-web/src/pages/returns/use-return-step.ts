import { useFormError, useTRPC } from "@bazaar/client";
import type { SellerReturnDto } from "@bazaar/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { doneNotice, explainReturnError, type SellerReturnAction } from "./return-actions";

/**
 * The seller's three steps on one return. Approving goes straight to the server; rejecting
 * asks why and receiving asks what goes back on sale, in their dialogs. The answer replaces
 * the detail at once and the lists are read again; a refusal (someone moved it meanwhile)
 * re-reads the return so the buttons match what is allowed now.
 */
export function useReturnStep(ret: SellerReturnDto, onNotice: (m: string | null) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<"reject" | "receive" | null>(null);
  const options = (action: SellerReturnAction) => ({
    onMutate: () => onNotice(null),
    onSuccess: async (updated: SellerReturnDto) => {
      setAsking(null);
      onNotice(doneNotice(action, updated));
      queryClient.setQueryData(trpc.seller.returns.get.queryKey({ id: updated.id }), updated);
      await queryClient.invalidateQueries(trpc.seller.returns.list.pathFilter());
    },
    onError: () => void queryClient.invalidateQueries(trpc.seller.returns.get.queryFilter({ id: ret.id })),
  });
  const approve = useMutation(trpc.seller.returns.approve.mutationOptions(options("approve")));
  const reject = useMutation(trpc.seller.returns.reject.mutationOptions(options("reject")));
  const receive = useMutation(trpc.seller.returns.receive.mutationOptions(options("receive")));
  const all = [approve, reject, receive];
  const failed = all.find((m) => m.error)?.error ?? null;
  const raw = useFormError(failed);
  const error = useMemo(() => raw && explainReturnError(raw), [raw]);

  const act = (action: SellerReturnAction) => {
    for (const m of all) m.reset();
    if (action === "approve") approve.mutate({ id: ret.id });
    else setAsking(action);
  };
  return {
    act,
    asking,
    close: () => setAsking(null),
    error,
    pending: all.some((m) => m.isPending),
    approving: approve.isPending,
    reject: (reason: string) => reject.mutate({ id: ret.id, reason }),
    rejecting: reject.isPending,
    receive: receive.mutate,
    receiving: receive.isPending,
  };
}
