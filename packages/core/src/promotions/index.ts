export {
  couponRejected,
  couponUsability,
  findCouponByCode,
  rejectionMessage,
  toPricingCoupon,
} from "./coupon-checks";
export {
  type CouponOwner,
  createCoupon,
  listCoupons,
  setCouponActive,
  toCouponDto,
  updateCoupon,
} from "./coupons";
export { redeemCoupon, releaseCoupon } from "./redeem-coupon";
export {
  applySaleBoundary,
  cancelSaleEvent,
  createSaleEvent,
  listSaleEvents,
  updateSaleEvent,
} from "./sale-events";
export { runningSaleEnd, runningSalePrice } from "./sale-prices";
