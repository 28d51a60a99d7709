export {
  allocate,
  type CouponOutcome,
  couponCovers,
  effectiveUnitPrice,
  gstIncludedIn,
  type PricedCart,
  type PricedGroup,
  type PricedLine,
  type PricingCoupon,
  type PricingLine,
  priceCart,
  type ShippingRule,
} from "./price-cart";
