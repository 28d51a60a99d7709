import { both, type P, type Rendered, str } from "./template-kit";

/** Emails of the messaging domain. */
export const messagingTemplates = {
  /** To either side: a message has waited unread for a while (at most one an hour per conversation). */
  message_unread: (p: P): Rendered =>
    both(
      `${str(p, "fromName")} sent you a message`,
      "You have an unread message",
      [
        `Hi ${str(p, "name")},`,
        `${str(p, "fromName")} wrote about ${str(p, "subject")}:`,
        `"${str(p, "preview")}"`,
        Number(p.unread ?? 1) > 1 ? `${Number(p.unread)} messages are waiting for you.` : "",
      ].filter(Boolean),
      { label: "Reply", url: str(p, "url") },
    ),
} satisfies Record<string, (p: P) => Rendered>;
