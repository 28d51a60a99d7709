import { WebhooksPage as SharedWebhooksPage } from "@bazaar/ui";

/** The platform's endpoints (`admin.webhooks`): they hear every shop's events. */
export function WebhooksPage() {
  return (
    <SharedWebhooksPage
      owner="admin"
      description="Send every shop's events (orders, returns, moderation, payouts, low stock) to the platform's own systems as signed HTTPS requests."
    />
  );
}
