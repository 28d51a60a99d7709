import { type Database, sellers, users } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { dispatchEmails, queueEmail } from "../notifications";
import type { Deps } from "../platform/deps";

/**
 * What a review write owes once it commits: its emails (already in the outbox, inside the
 * transaction) are handed to the queue, and the catalogue cache, whose cards and sorts show
 * the rating, is bumped.
 */
export class ReviewEffects {
  emails: string[] = [];
  catalogChanged = false;

  /** The shop hears of a new review of its product. */
  async newReview(
    tx: Database,
    deps: Pick<Deps, "urls">,
    r: { sellerId: string; productTitle: string; rating: number; title: string },
  ) {
    const [shop] = await tx
      .select({ email: users.email, name: users.name, shopName: sellers.shopName })
      .from(sellers)
      .innerJoin(users, eq(users.id, sellers.userId))
      .where(eq(sellers.id, r.sellerId));
    if (!shop) return;
    this.emails.push(
      await queueEmail(tx, {
        to: shop.email,
        template: "review_new_for_seller",
        payload: {
          name: shop.name,
          shopName: shop.shopName,
          productTitle: r.productTitle,
          rating: r.rating,
          title: r.title,
          url: `${deps.urls.seller}/reviews`,
        },
      }),
    );
  }

  /** The buyer hears that the shop replied (or changed its reply) to their review. */
  async sellerReplied(
    tx: Database,
    deps: Pick<Deps, "urls">,
    r: {
      customerId: string;
      shopName: string;
      productTitle: string;
      productSlug: string;
      reply: string;
      edited: boolean;
    },
  ) {
    const [buyer] = await tx
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, r.customerId));
    if (!buyer) return;
    this.emails.push(
      await queueEmail(tx, {
        to: buyer.email,
        template: "review_seller_replied",
        payload: {
          name: buyer.name,
          shopName: r.shopName,
          productTitle: r.productTitle,
          reply: r.reply,
          edited: r.edited,
          url: `${deps.urls.customer}/p/${r.productSlug}`,
        },
      }),
    );
  }

  async release(deps: Pick<Deps, "jobs" | "log" | "cache">) {
    await dispatchEmails(deps, this.emails);
    if (this.catalogChanged) await deps.cache.bump("catalog");
  }
}
