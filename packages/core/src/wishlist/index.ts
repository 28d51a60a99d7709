export {
  addToWishlist,
  listWishlist,
  moveWishlistToCart,
  removeFromWishlist,
  sharedWishlist,
  shareWishlist,
  unshareWishlist,
  wishlistStatus,
} from "./wishlist";
