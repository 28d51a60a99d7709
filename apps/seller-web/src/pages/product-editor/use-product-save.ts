import { toFormError, useFormError, useTRPC, useTRPCClient } from "@bazaar/client";
import type { SellerProductDto } from "@bazaar/schemas";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import type { ImageItem } from "../../image-manager";
import { PRODUCT_FIELDS, type ProductFormState, productPayload } from "./product-form-state";
import { buildVariants, type MatrixRow, matrixErrors, type ProductOption } from "./variants";

const SUBMITTED = "Submitted for review. We will let you know when it is live.";
const SAVED_FOR_REVIEW =
  "Saved. Your changes to the title, description, images or category wait for review; the live version stays on sale meanwhile.";

/**
 * Save (and optionally submit), archive and restore, with the notice and errors they leave:
 * the form's own checks first (every cell of the matrix), then the server's field errors,
 * moved onto the matrix rows in the order they were sent.
 */
export function useProductSave(args: {
  product: SellerProductDto | null;
  state: ProductFormState;
  options: ProductOption[];
  rows: MatrixRow[];
  images: readonly ImageItem[];
  /** Told the saved product of an existing one, to take the server's variants (new ids, stock). */
  onSaved: (dto: SellerProductDto) => void;
}) {
  const { product, state, options, rows, images, onSaved } = args;
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  // A new product's first save moves to its own address, carrying the notice along.
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const sentKeys = useRef<string[]>([]);

  const afterSave = async (dto: SellerProductDto, message: string | null) => {
    queryClient.setQueryData(trpc.seller.products.byId.queryKey({ id: dto.id }), dto);
    await queryClient.invalidateQueries(trpc.seller.products.list.pathFilter());
    setNotice(message);
    if (!product) {
      navigate(`/products/${dto.id}`, { replace: true, state: { notice: message } });
      return;
    }
    onSaved(dto);
  };

  const save = useMutation({
    onMutate: () => setNotice(null),
    mutationFn: async (then: "save" | "submit") => {
      const built = buildVariants(rows);
      const errors: Record<string, string> = built.ok ? {} : { ...built.errors };
      if (!state.categoryId) errors.categoryId = "Choose a category";
      setLocalErrors(errors);
      if (!built.ok || Object.keys(errors).length > 0)
        throw new Error("Fix the highlighted fields and try again.");
      sentKeys.current = built.keys;
      const payload = productPayload(state, options, images, built.variants);
      let dto = product
        ? await client.seller.products.update.mutate({ id: product.id, ...payload })
        : await client.seller.products.create.mutate(payload);
      if (then === "submit") {
        try {
          dto = await client.seller.products.submit.mutate({ id: dto.id });
        } catch (error) {
          // The save went through: keep what was saved (new variants now have ids), then report.
          await afterSave(
            dto,
            product ? null : `Saved as a draft, but not submitted: ${toFormError(error).message}`,
          );
          throw error;
        }
      }
      return dto;
    },
    onSuccess: (dto, then) =>
      afterSave(
        dto,
        then === "submit"
          ? SUBMITTED
          : dto.revision?.status === "pending_review" && product?.status === "approved"
            ? SAVED_FOR_REVIEW
            : "Saved.",
      ),
  });

  const move = useMutation({
    onMutate: () => setNotice(null),
    mutationFn: (action: "archive" | "restore") =>
      action === "archive"
        ? client.seller.products.archive.mutate({ id: product!.id })
        : client.seller.products.restore.mutate({ id: product!.id }),
    onSuccess: (dto, action) =>
      afterSave(
        dto,
        action === "archive" ? "Archived: customers no longer see it." : "Restored: it is on sale again.",
      ),
  });

  // A failed local check is an Error whose message the alert shows; its cells carry the rest.
  const error = useFormError(save.error ?? move.error);
  const cellErrors = useMemo(
    () => ({
      ...(save.error ? matrixErrors(toFormError(save.error).fieldErrors, sentKeys.current) : {}),
      ...localErrors,
    }),
    [save.error, localErrors],
  );
  const fieldError = (key: string) => localErrors[key] ?? error?.fieldErrors[key];
  const shownFields = [
    ...PRODUCT_FIELDS,
    ...Object.keys(error?.fieldErrors ?? {}).filter((k) => /^(variants\.\d+|options)/.test(k)),
  ];

  return {
    save,
    move,
    notice,
    error,
    cellErrors,
    fieldError,
    shownFields,
    pending: save.isPending || move.isPending,
  };
}
