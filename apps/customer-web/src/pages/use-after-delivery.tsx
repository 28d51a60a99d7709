import { useTRPC } from "@bazaar/client";
import type { MyReviewDto, OrderDto, OrderItemDto } from "@bazaar/schemas";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useMemo, useState } from "react";
import { ReturnRequestDialog } from "../returns/return-form";
import { ReviewFormDialog } from "../reviews/review-form";
import type { AfterDelivery } from "./sub-order-card";

/**
 * The order page's returns and reviews: which delivered products the buyer has reviewed
 * (one call for the whole order), and the return and review dialogs the lines open.
 */
export function useAfterDelivery(order: OrderDto): { afterDelivery: AfterDelivery; dialogs: ReactNode } {
  const trpc = useTRPC();
  const productIds = useMemo(
    () => [
      ...new Set(
        order.subOrders
          .filter((s) => s.status === "delivered")
          .flatMap((s) => s.items.map((i) => i.productId))
          .filter((id): id is string => id !== null),
      ),
    ],
    [order],
  );
  const mine = useQuery({
    ...trpc.reviews.mine.queryOptions({ productIds, limit: 100 }),
    enabled: productIds.length > 0,
  });
  // Until the buyer's reviews are known (or if they cannot be read), lines offer no review
  // button rather than a "Write a review" that may be an edit.
  const reviews = useMemo(
    () => (mine.data ? new Map(mine.data.items.map((r) => [r.product.id, r] as const)) : null),
    [mine.data],
  );
  const [returning, setReturning] = useState<{ subOrderId: string; itemId: string } | null>(null);
  const [reviewing, setReviewing] = useState<{ item: OrderItemDto; existing: MyReviewDto | null } | null>(
    null,
  );
  // Read once per render of the page: lines say "3 days left" from the same instant.
  const now = useMemo(() => new Date(), []);
  const subOrder = order.subOrders.find((s) => s.id === returning?.subOrderId);

  const dialogs = (
    <>
      {subOrder && (
        <ReturnRequestDialog
          open
          order={order}
          subOrder={subOrder}
          itemId={returning?.itemId ?? null}
          onClose={() => setReturning(null)}
        />
      )}
      {reviewing?.item.productId && (
        <ReviewFormDialog
          open
          product={{ id: reviewing.item.productId, title: reviewing.item.title }}
          existing={reviewing.existing}
          onClose={() => setReviewing(null)}
        />
      )}
    </>
  );
  return {
    afterDelivery: {
      reviews,
      now,
      onReturn: (subOrderId, itemId) => setReturning({ subOrderId, itemId }),
      onReview: (item, existing) => setReviewing({ item, existing }),
    },
    dialogs,
  };
}
