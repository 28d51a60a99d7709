import type { ConversationSubjectDto } from "@bazaar/schemas";
import { InboxPage } from "@bazaar/ui";

/** Where a conversation's subject opens in the seller app: the product's editor, or the orders board. */
export function subjectHref(s: ConversationSubjectDto): string | null {
  if (s.type === "product") return s.productId ? `/products/${s.productId}` : null;
  return s.subOrderId ? "/orders" : null;
}

/**
 * `/messages` and `/messages/:id`: buyers' questions about the shop's products and their
 * orders, unread first, with the product or order beside each; threads update live.
 */
export function MessagesPage() {
  return (
    <InboxPage
      side="seller"
      title="Messages"
      description="Buyers write from a product page or their order. Unread conversations come first; quick answers show on your shop page as your response time."
      basePath="/messages"
      otherName={(c) => c.customer.name}
      subjectHref={subjectHref}
      empty={<p>No messages yet. Buyers can message you from your product pages and their orders.</p>}
    />
  );
}
