import { both, type P, type Rendered, str } from "./template-kit";

const stars = (p: P) => {
  const n = Math.min(5, Math.max(1, Number(p.rating ?? 0) || 1));
  return `${n} star${n === 1 ? "" : "s"}`;
};

/** Emails of the reviews domain. */
export const reviewTemplates = {
  review_new_for_seller: (p: P): Rendered =>
    both(
      `New ${stars(p)} review of ${str(p, "productTitle")}`,
      "A buyer reviewed your product",
      [
        `Hi ${str(p, "name")},`,
        `A verified buyer gave ${str(p, "productTitle")} ${stars(p)}: "${str(p, "title")}".`,
        `You can reply once from ${str(p, "shopName")}'s reviews page; the reply shows under the review and you may edit it later.`,
      ],
      { label: "See the review", url: str(p, "url") },
    ),
  review_seller_replied: (p: P): Rendered =>
    both(
      `${str(p, "shopName")} ${p.edited ? "updated its reply" : "replied"} to your review`,
      "The seller replied to your review",
      [
        `Hi ${str(p, "name")},`,
        `${str(p, "shopName")} ${p.edited ? "updated its reply" : "replied"} to your review of ${str(p, "productTitle")}:`,
        str(p, "reply"),
      ],
      { label: "See it on the product page", url: str(p, "url") },
    ),
} satisfies Record<string, (p: P) => Rendered>;
