export { addToWishlist } from "./add-to-wishlist";
export { listWishlist } from "./list-wishlist";
export { moveWishlistToCart } from "./move-wishlist-to-cart";
export { removeFromWishlist } from "./remove-from-wishlist";
export { shareWishlist } from "./share-wishlist";
export { sharedWishlist } from "./shared-wishlist";
export { unshareWishlist } from "./unshare-wishlist";
export { wishlistStatus } from "./wishlist-status";
