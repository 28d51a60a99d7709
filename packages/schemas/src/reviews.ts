// zod schemas of the reviews domain: inputs, DTOs and their enums.
import { z } from "zod";
import { Id, PageInput, safeText } from "./common";

/** The product page's orders: most helpful (the default), newest, highest or lowest stars first. */
export const ReviewSort = z.enum(["helpful", "newest", "highest", "lowest"], {
  message: "Sort reviews by helpful, newest, highest or lowest",
});
export type ReviewSort = z.infer<typeof ReviewSort>;

/** Published reviews show on the storefront; hidden ones were taken down by an admin. */
export const ReviewStatus = z.enum(["published", "hidden"]);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const ReviewRating = z
  .number({ message: "Rating must be a number of stars from 1 to 5" })
  .int("Rating must be a whole number of stars from 1 to 5")
  .min(1, "Rating must be a number of stars from 1 to 5")
  .max(5, "Rating must be a number of stars from 1 to 5");

export const MAX_REVIEW_PHOTOS = 5;
const ReviewTitle = safeText("Title")
  .min(2, "Give the review a title of at least 2 characters")
  .max(120, "Keep the title to 120 characters");
const ReviewBody = safeText("Review", { multiline: true })
  .min(10, "Write at least 10 characters about the product")
  .max(5000, "Keep the review to 5000 characters");
/** Media ids from `POST /api/media`, uploaded by the reviewer; order is the display order. */
const ReviewPhotoIds = z
  .array(Id, { message: "Photos must be a list of uploaded media ids" })
  .max(MAX_REVIEW_PHOTOS, `Add at most ${MAX_REVIEW_PHOTOS} photos`)
  .refine((ids) => new Set(ids).size === ids.length, "The same photo is listed twice");

export const CreateReviewInput = z.object({
  productId: Id,
  rating: ReviewRating,
  title: ReviewTitle,
  body: ReviewBody,
  photoIds: ReviewPhotoIds.default([]),
});
export type CreateReviewInput = z.input<typeof CreateReviewInput>;

/** Only the fields given change; photoIds replaces the whole list. */
export const UpdateReviewInput = z
  .object({
    reviewId: Id,
    rating: ReviewRating.optional(),
    title: ReviewTitle.optional(),
    body: ReviewBody.optional(),
    photoIds: ReviewPhotoIds.optional(),
  })
  .refine(
    (v) =>
      v.rating !== undefined || v.title !== undefined || v.body !== undefined || v.photoIds !== undefined,
    { message: "Change at least one of rating, title, body or photos", path: ["rating"] },
  );
export type UpdateReviewInput = z.input<typeof UpdateReviewInput>;

export const ReviewIdInput = z.object({ reviewId: Id });
export type ReviewIdInput = z.input<typeof ReviewIdInput>;

export const ProductReviewsInput = z.object({ productId: Id });
export type ProductReviewsInput = z.input<typeof ProductReviewsInput>;

/** The caller's own reviews, newest first; `productIds` narrows to those products (an order page's lines). */
export const MyReviewsInput = PageInput.extend({
  productIds: z.array(Id).max(100, "Ask for at most 100 products at once").optional(),
});
export type MyReviewsInput = z.input<typeof MyReviewsInput>;

/** helpful: true adds the caller's vote, false takes it back; repeating either changes nothing. */
export const VoteReviewInput = z.object({
  reviewId: Id,
  helpful: z.boolean({ message: "helpful must be true or false" }),
});
export type VoteReviewInput = z.input<typeof VoteReviewInput>;

export const ReviewsListInput = PageInput.extend({
  productId: Id,
  sort: ReviewSort.default("helpful"),
});
export type ReviewsListInput = z.input<typeof ReviewsListInput>;

export const SellerReviewsListInput = PageInput.extend({
  /** Only reviews the shop has not replied to yet. */
  unreplied: z.boolean().optional(),
  productId: Id.optional(),
  rating: ReviewRating.optional(),
});
export type SellerReviewsListInput = z.input<typeof SellerReviewsListInput>;

/** The first call replies, later calls edit the reply. */
export const SellerReplyInput = z.object({
  reviewId: Id,
  body: safeText("Reply", { multiline: true })
    .min(2, "Write a reply of at least 2 characters")
    .max(2000, "Keep the reply to 2000 characters"),
});
export type SellerReplyInput = z.input<typeof SellerReplyInput>;

// ---- DTOs --------------------------------------------------------------------------------

export type ReviewPhotoDto = { mediaId: string; url: string };

/** A review as the product page shows it. No email, no user id: the author is a display name. */
export type ReviewDto = {
  id: string;
  productId: string;
  rating: number;
  title: string;
  body: string;
  photos: ReviewPhotoDto[];
  /** First name and initial of the last: "Anita R." */
  authorName: string;
  /** Bought and received through Bazaar (every review made here; false only if the order line is gone). */
  verifiedPurchase: boolean;
  helpfulCount: number;
  /** Whether the caller marked it helpful; false for guests. */
  votedHelpful: boolean;
  /** Written by the caller: the page offers edit/delete instead of the vote. */
  mine: boolean;
  sellerReply: { body: string; at: Date } | null;
  createdAt: Date;
  updatedAt: Date;
};

export type ReviewSummaryDto = {
  productId: string;
  /** Mean of published ratings, one decimal; 0 when there are none. */
  average: number;
  count: number;
  /** Always five bars, 5 stars first. */
  histogram: { stars: 1 | 2 | 3 | 4 | 5; count: number }[];
};

export type ReviewProductDto = { id: string; slug: string; title: string; imageUrl: string | null };

/** The author's own review, wherever it stands (hidden ones too, so they know). */
export type MyReviewDto = ReviewDto & { status: ReviewStatus; product: ReviewProductDto };

export type ReviewIneligibleReason = "not_delivered" | "already_reviewed" | "product_unavailable";

export type ReviewEligibilityDto = {
  productId: string;
  canReview: boolean;
  /** Why not, when canReview is false. */
  reason: ReviewIneligibleReason | null;
  /** The caller's existing review of the product (edit it instead). */
  review: MyReviewDto | null;
};

export type ReviewVoteDto = { reviewId: string; votedHelpful: boolean; helpfulCount: number };

/** A review of the shop's product in the seller app. */
export type SellerReviewDto = Omit<ReviewDto, "mine" | "votedHelpful"> & {
  status: ReviewStatus;
  product: ReviewProductDto;
};
