export { applySaleBoundary } from "./apply-sale-boundary";
export { cancelSaleEvent } from "./cancel-sale-event";
export {
  couponRejected,
  couponUsability,
  findCouponByCode,
  rejectionMessage,
  toPricingCoupon,
} from "./coupon-checks";
export { createCoupon } from "./create-coupon";
export { createSaleEvent } from "./create-sale-event";
export { listCoupons } from "./list-coupons";
export { listSaleEvents } from "./list-sale-events";
export { type CouponOwner, toCouponDto } from "./queries";
export { redeemCoupon, releaseCoupon } from "./redeem-coupon";
export { setCouponActive } from "./set-coupon-active";
export { updateCoupon } from "./update-coupon";
export { updateSaleEvent } from "./update-sale-event";
