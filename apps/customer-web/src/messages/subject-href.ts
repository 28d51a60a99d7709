import type { ConversationSubjectDto } from "@bazaar/schemas";

/** Where a conversation's subject opens in the storefront: the product page or the order; null once it is gone. */
export function subjectHref(s: ConversationSubjectDto): string | null {
  if (s.type === "product") return s.slug ? `/p/${s.slug}` : null;
  return s.orderId ? `/orders/${s.orderId}` : null;
}
