import type { ConversationSubjectDto } from "@bazaar/schemas";

/**
 * Where a conversation's subject opens in the seller app: the product's editor, or the orders
 * board (it has no page per order); null once the product or order is gone.
 */
export function subjectHref(s: ConversationSubjectDto): string | null {
  if (s.type === "product") return s.productId ? `/products/${s.productId}` : null;
  return s.subOrderId ? "/orders" : null;
}
