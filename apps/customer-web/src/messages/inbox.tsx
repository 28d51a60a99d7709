import { InboxPage } from "@bazaar/ui";
import { Link } from "react-router";
import { subjectHref } from "./subject-href";

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
