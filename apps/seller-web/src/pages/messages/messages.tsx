import { InboxPage } from "@bazaar/ui";
import { subjectHref } from "./subject-href";

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
