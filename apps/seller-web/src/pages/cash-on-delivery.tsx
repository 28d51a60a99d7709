import { useFormError, useTRPC } from "@bazaar/client";
import type { SellerDto } from "@bazaar/schemas";
import { ErrorAlert } from "@bazaar/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

/** Whether customers may pay cash on delivery for this shop's items; saved at once. */
export function CashOnDelivery({
  seller,
  onNotice,
}: {
  seller: SellerDto;
  onNotice: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Shown as chosen at once; put back if the save fails.
  const [checked, setChecked] = useState(seller.codEnabled);
  const save = useMutation(
    trpc.sellers.updateProfile.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.sellers.mine.queryKey(), updated);
        setChecked(updated.codEnabled);
        onNotice(
          updated.codEnabled
            ? "Customers can now pay cash on delivery for your items."
            : "Cash on delivery is off: customers pay online for your items.",
        );
      },
      onError: () => setChecked(seller.codEnabled),
    }),
  );
  const error = useFormError(save.error);
  return (
    <div className="bz-stack" data-testid="cod-setting">
      <label className="bz-checkbox" htmlFor="cod-enabled">
        <input
          id="cod-enabled"
          type="checkbox"
          checked={checked}
          disabled={save.isPending}
          onChange={(e) => {
            setChecked(e.target.checked);
            save.mutate({ codEnabled: e.target.checked });
          }}
          aria-describedby="cod-enabled-hint"
        />
        Accept cash on delivery
      </label>
      <p id="cod-enabled-hint" className="bz-field__hint">
        When this is off, customers must pay online for orders that include your items.
      </p>
      <ErrorAlert error={error} />
    </div>
  );
}
