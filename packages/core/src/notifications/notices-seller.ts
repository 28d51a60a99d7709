import { customerLinks, inr, sellerLinks } from "./links";
import type { NewNotification } from "./notify";

/** Catalogue, payout, shop and Q&A notifications (the seller's bell, and the asker's). */

export function productDecisionNotice(
  ownerId: string,
  product: { id: string; title: string },
  d: { approved: boolean; revision: boolean; reason?: string | null },
): NewNotification {
  const what = d.revision ? `Your edit of ${product.title}` : product.title;
  return {
    userId: ownerId,
    category: "catalog",
    type: d.approved ? "product.approved" : "product.rejected",
    title: d.approved ? `${what} approved` : `${what} not approved`,
    body: d.approved
      ? d.revision
        ? "Your changes are live."
        : "Your product is live on Bazaar."
      : `${d.reason ? `${d.reason}. ` : ""}Fix it and submit it again.`,
    link: sellerLinks.product(product.id),
  };
}

export function payoutPaidNotice(
  ownerId: string,
  payout: { number: string; amount: number },
  utr: string,
): NewNotification {
  return {
    userId: ownerId,
    category: "payouts",
    type: "payout.paid",
    title: `Payout ${payout.number} paid`,
    body: `${inr(payout.amount)} was sent to your bank (UTR ${utr}).`,
    link: sellerLinks.payouts(),
  };
}

const SHOP_TEXT = {
  approve: { title: "Your shop is approved", body: "You can list products and take orders now.", link: "/" },
  reject: { title: "Your shop application was not approved", body: "", link: "/apply" },
  suspend: { title: "Your shop is suspended", body: "Your products are hidden from buyers.", link: "/shop" },
  reinstate: { title: "Your shop is open again", body: "Your products are back on Bazaar.", link: "/" },
} as const;

export function shopDecisionNotice(
  userId: string,
  decision: keyof typeof SHOP_TEXT,
  shopName: string,
  reason?: string | null,
): NewNotification {
  const t = SHOP_TEXT[decision];
  return {
    userId,
    category: "shop",
    type: `shop.${decision === "approve" ? "approved" : decision === "reject" ? "rejected" : decision === "suspend" ? "suspended" : "reinstated"}`,
    title: `${t.title}: ${shopName}`,
    body: [t.body, reason ? `Note from the Bazaar team: ${reason}` : ""].filter(Boolean).join(" ") || t.title,
    link: t.link,
  };
}

export function questionAskedNotice(
  ownerId: string,
  q: { productTitle: string; body: string },
): NewNotification {
  return {
    userId: ownerId,
    category: "questions",
    type: "question.asked",
    title: `New question about ${q.productTitle}`,
    body: q.body,
    link: sellerLinks.questions(),
  };
}

export function questionAnsweredNotice(
  askerId: string,
  a: { productTitle: string; productSlug: string; authorName: string; body: string },
): NewNotification {
  return {
    userId: askerId,
    category: "questions",
    type: "question.answered",
    title: `${a.authorName} answered your question about ${a.productTitle}`,
    body: a.body,
    link: `${customerLinks.product(a.productSlug)}#questions`,
  };
}
