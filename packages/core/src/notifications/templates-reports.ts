import { both, type P, type Rendered, str } from "./template-kit";

/** Emails of the reports domain. */
export const reportTemplates = {
  /** To the seller when an admin takes a live product down; the reason is theirs to fix. */
  product_taken_down: (p: P): Rendered =>
    both(
      `Your listing "${str(p, "title")}" was taken down`,
      "Your listing was taken down",
      [
        `Hi ${str(p, "name")},`,
        `Your listing "${str(p, "title")}" in ${str(p, "shopName")} was taken down by the Bazaar team and is no longer on sale. Your shop stays open.`,
        `Reason: ${str(p, "reason")}`,
        "To appeal, edit the listing to fix this and submit it again: it goes back to review.",
      ],
      { label: "Edit the listing", url: str(p, "url") },
    ),
} satisfies Record<string, (p: P) => Rendered>;
