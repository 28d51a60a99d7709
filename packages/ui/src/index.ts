export { RequireRole, SignIn, WrongRole, wrongRoleMessage } from "./auth";
export {
  CategorySelect,
  type FlatCategory,
  flattenCategories,
  Price,
  ProductStatusTags,
  productStatusLabel,
  RevisionCompare,
} from "./catalog";
export {
  COUPON_FIELDS,
  type CouponFieldsInput,
  type CouponValues,
  couponPayload,
  couponUsage,
  couponValues,
  couponWindow,
  describeCoupon,
} from "./coupon-values";
export {
  CouponActiveButton,
  CouponEditor,
  CouponForm,
  CouponStateTag,
  CouponTable,
  couponActiveNotice,
  couponSavedNotice,
  type ProductChoices,
  type ProductSearch,
  useProductSearch,
} from "./coupons";
export { type ParsedDateTime, parseDateTimeLocal, toDateTimeLocal } from "./datetime";
export { Dialog } from "./dialog";
export { type Editor, EditorCard, useEditor } from "./editor";
export {
  Alert,
  Button,
  ErrorAlert,
  Field,
  Form,
  SelectField,
  TextAreaField,
  TextField,
  useCountdown,
  useDebounced,
  waitText,
} from "./form";
export { AppShell, Card, FilterTabs, Loading, LoadMore, type NavItem, Page } from "./layout";
export { discountPercent, type ParsedRupees, paiseToRupeesText, parseRupees } from "./money";
export { bpsToPercentText, parseCount, parsePercent } from "./numbers";
export {
  addressLines,
  formatPhone,
  itemCount,
  PAYMENT_STATUSES,
  paymentMethodLabel,
  paymentStatusLabel,
  paymentStatusTone,
  SUB_ORDER_STATUSES,
  subOrderStatusLabel,
  subOrderStatusTone,
  timelineActor,
  timelineLabel,
} from "./order-labels";
export {
  InvoiceButton,
  type OrderAmounts,
  OrderItemList,
  OrderSums,
  OrderTimeline,
  PaymentStatusTag,
  ReasonDialog,
  ShippingAddress,
  SubOrderStatusTag,
  SumRow,
  saveBlob,
} from "./orders";
export { MultiPicker, type PickerOption } from "./picker";
