import { both, type P, type Rendered, str } from "./template-kit";

/** Emails of outbound webhooks: an endpoint's owner hears when it was switched off. */
export const webhookTemplates = {
  webhook_endpoint_disabled: (p: P): Rendered =>
    both(
      "Your webhook endpoint was disabled",
      "Webhook endpoint disabled",
      [
        `Hi ${str(p, "name")},`,
        `Every delivery to ${str(p, "url")} has failed since ${str(p, "since")}, so after 3 days we stopped sending to it.`,
        "Events that happened meanwhile are kept in its delivery log. Fix the endpoint, turn it back on and redeliver the events you missed.",
      ],
      { label: "Open webhooks", url: str(p, "link") },
    ),
};
