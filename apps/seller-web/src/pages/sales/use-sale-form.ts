import { toFormError, useFormError, useTRPC } from "@bazaar/client";
import type { SaleEventDto } from "@bazaar/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { type SaleDraft, type SaleItemDraft, saleDraft, saleItemErrors, salePayload } from "./sale-draft";

const FIELDS = ["name", "startsAt", "endsAt", "items"];

/**
 * A sale form's draft, its edits and its save. The form's own checks come first; while they
 * fail, the server's errors are hidden. Server errors on `items.3` are moved onto that variant,
 * by the ids as they were sent.
 */
export function useSaleForm(sale: SaleEventDto | undefined, onDone: (message: string) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [initial] = useState(() => saleDraft(sale));
  const [draft, setDraft] = useState<SaleDraft>(initial);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const sent = useRef<string[]>([]);

  const onSuccess = async (saved: SaleEventDto) => {
    await queryClient.invalidateQueries(trpc.seller.sales.list.pathFilter());
    onDone(sale ? `Saved ${saved.name}.` : `${saved.name} is ${saved.state}.`);
  };
  const create = useMutation(trpc.seller.sales.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.seller.sales.update.mutationOptions({ onSuccess }));
  const mutation = sale ? update : create;
  const hasLocal = Object.keys(localErrors).length > 0;
  const error = useFormError(hasLocal ? null : mutation.error);
  const itemErrors = useMemo(
    () => (mutation.error ? saleItemErrors(toFormError(mutation.error).fieldErrors, sent.current) : {}),
    [mutation.error],
  );
  const fieldError = (key: string) => localErrors[key] ?? (hasLocal ? undefined : error?.fieldErrors[key]);
  const cellError = (key: string) => localErrors[key] ?? (hasLocal ? undefined : itemErrors[key]);
  const shownFields = [
    ...FIELDS,
    ...Object.keys(error?.fieldErrors ?? {}).filter((k) => /^items\.\d+/.test(k)),
  ];

  const set = (key: "name" | "startsAt" | "endsAt") => (value: string) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setItem = (variantId: string, salePrice: string) =>
    setDraft((d) => ({
      ...d,
      items: d.items.map((i) => (i.variantId === variantId ? { ...i, salePrice } : i)),
    }));
  const removeItem = (variantId: string) =>
    setDraft((d) => ({ ...d, items: d.items.filter((i) => i.variantId !== variantId) }));
  const addItem = (item: SaleItemDraft) =>
    setDraft((d) =>
      d.items.some((i) => i.variantId === item.variantId) ? d : { ...d, items: [...d.items, item] },
    );

  const submit = () => {
    const built = salePayload(draft, sale ? initial : undefined);
    if (!built.ok) {
      setLocalErrors(built.errors);
      return;
    }
    setLocalErrors({});
    sent.current = built.input.items.map((i) => i.variantId);
    if (sale) update.mutate({ id: sale.id, ...built.input });
    // A new sale always sends both times (there is no "before" to keep).
    else create.mutate({ ...built.input, startsAt: built.input.startsAt, endsAt: built.input.endsAt });
  };

  return {
    draft,
    set,
    setItem,
    removeItem,
    addItem,
    submit,
    pending: mutation.isPending,
    error,
    fieldError,
    cellError,
    shownFields,
  };
}
