import type { ConversationSubjectDto } from "@bazaar/schemas";
import { InboxPage } from "@bazaar/ui";
import { Link } from "react-router";

/** Where a conversation's subject opens in the storefront: the product page or the order. */
export function subjectHref(s: ConversationSubjectDto): string | null {
  if (s.type === "product") return s.slug ? `/p/${s.slug}` : null;
  return s.orderId ? `/orders/${s.orderId}` : null;
}

/** `/messages` and `/messages/:id`: the buyer's conversations with shops, live. */
export function MessagesPage() {
  return (
    <InboxPage
      side="customer"
      title="Messages"
      description="Your conversations with shops about products and orders. Replies arrive here as they are sent."
      basePath="/messages"
      otherName={(c) => c.shop.name}
      subjectHref={subjectHref}
      empty={
        <>
          <p>No messages yet.</p>
          <p className="bz-small">
            Use “Message the seller” on a product page or on <Link to="/orders">one of your orders</Link>.
          </p>
        </>
      }
    />
  );
}
