// The reviews domain: what other domains and the package index may use.
export { compiledReviewQueries } from "./compiled-sql";
export { createReview } from "./create-review";
export { listMyReviews } from "./list-my-reviews";
export { listProductReviews } from "./list-product-reviews";
export { listSellerReviews } from "./list-seller-reviews";
export { removeReview } from "./remove-review";
export { replyToReview } from "./reply-to-review";
export { reviewEligibility } from "./review-eligibility";
export { reviewSummary } from "./review-summary";
export { setReviewStatus } from "./set-review-status";
export { updateReview } from "./update-review";
export { voteReview } from "./vote-review";
