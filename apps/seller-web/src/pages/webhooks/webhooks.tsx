import { WebhooksPage as SharedWebhooksPage } from "@bazaar/ui";

/** The shop's endpoints (`seller.webhooks`): they hear this shop's events only. */
export function WebhooksPage() {
  return (
    <SharedWebhooksPage
      owner="seller"
      description="Send your shop's events (orders, returns, payouts, low stock) to your own systems as signed HTTPS requests."
    />
  );
}
