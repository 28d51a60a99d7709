import { useFormError, useTRPC } from "@bazaar/client";
import type { SellerProductDto } from "@bazaar/schemas";
import { Button, ReasonDialog } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

/**
 * Takes a live product off the storefront (and out of carts and wishlists) without touching
 * the rest of the shop. The seller sees the reason and appeals by editing and resubmitting.
 */
export function TakeDownButton(props: {
  productId: string;
  title: string;
  onDone: (message: string, product: SellerProductDto) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const takeDown = useMutation(
    trpc.admin.products.takeDown.mutationOptions({
      onSuccess: async (dto) => {
        setAsking(false);
        props.onDone(`Took "${dto.title}" down. The seller sees your reason.`, dto);
        await Promise.all([
          queryClient.invalidateQueries(trpc.admin.products.queue.pathFilter()),
          queryClient.invalidateQueries(trpc.catalog.pathFilter()),
        ]);
      },
    }),
  );
  const error = useFormError(takeDown.error);
  return (
    <>
      <Button variant="danger" onClick={() => setAsking(true)} data-testid="take-down">
        Take down…
      </Button>
      <ReasonDialog
        open={asking}
        title={`Take down "${props.title}"?`}
        intro="The live product leaves the storefront, carts and wishlists; the shop stays open and its other products stay on sale. Any pending edit is dropped from review."
        field="reason"
        hint="The seller sees this beside the product, and can fix it and resubmit."
        submitLabel="Take down"
        pendingLabel="Taking down…"
        keepLabel="Keep it live"
        pending={takeDown.isPending}
        error={error}
        onSubmit={(reason) => takeDown.mutate({ productId: props.productId, reason })}
        onClose={() => {
          setAsking(false);
          takeDown.reset();
        }}
        testId="take-down-dialog"
      />
    </>
  );
}
