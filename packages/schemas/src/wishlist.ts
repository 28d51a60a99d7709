import { z } from "zod";
import { Qty } from "./cart";
import { Id, PageInput, safeText } from "./common";

export const WishlistAddInput = z.object({ productId: Id, variantId: Id.optional() });
export type WishlistAddInput = z.input<typeof WishlistAddInput>;
export const WishlistRemoveInput = z.object({ productId: Id });
export const WishlistMoveInput = z.object({ productId: Id, variantId: Id.optional(), qty: Qty.default(1) });
export type WishlistMoveInput = z.input<typeof WishlistMoveInput>;
/** Which of these products the customer has saved, and the share link if there is one. */
export const WishlistStatusInput = z.object({ productIds: z.array(Id).max(100).default([]) });
export type WishlistStatusDto = { saved: string[]; shareToken: string | null };
export const SharedWishlistInput = PageInput.extend({ token: safeText("Share link").min(10).max(100) });

export type WishlistItemDto = {
  productId: string;
  slug: string;
  title: string;
  imageUrl: string | null;
  variantId: string | null;
  /** Lowest price now (sale price while one runs), paise; null if nothing is on sale. */
  price: number | null;
  regularPrice: number | null;
  inStock: boolean;
  available: boolean;
  addedAt: Date;
};
