import { useAuth, useTRPC } from "@bazaar/client";
import { useQuery } from "@tanstack/react-query";

/**
 * Whether the signed-in customer received this product, so may answer questions about it.
 * The questions API has no such flag; review eligibility knows the same fact (a delivered
 * line of the product): eligible now, or already reviewed, means they received it.
 */
export function useVerifiedBuyer(productId: string): boolean {
  const trpc = useTRPC();
  const { status, user } = useAuth();
  const customer = status === "signedIn" && user?.role === "customer";
  const eligibility = useQuery({
    ...trpc.reviews.eligibility.queryOptions({ productId }),
    enabled: customer,
  });
  const e = eligibility.data;
  return customer && !!e && (e.canReview || e.reason === "already_reviewed");
}
