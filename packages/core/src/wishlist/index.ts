export {
  addToWishlist,
  listWishlist,
  moveWishlistToCart,
  removeFromWishlist,
  sharedWishlist,
  shareWishlist,
  unshareWishlist,
} from "./wishlist";
