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
  bucketLabel,
  type ChangeTone,
  type ChangeView,
  type ChartGranularity,
  describeChange,
  formatRatio,
  percentChange,
  type TimeSeriesRow,
  tickIndexes,
  tickLabel,
  timeSeriesRows,
} from "./chart-data";
export { type BarColumn, type BarRow, RankBarChart, TimeSeriesChart, type TimeSeriesLine } from "./charts";
export { CouponEditor, type ProductSearch, useProductSearch } from "./coupon-editor";
export { CouponForm } from "./coupon-form";
export type { ProductChoices } from "./coupon-scope-fields";
export { CouponActiveButton, CouponStateTag, CouponTable } from "./coupon-table";
export {
  COUPON_FIELDS,
  type CouponFieldsInput,
  type CouponValues,
  couponActiveNotice,
  couponPayload,
  couponSavedNotice,
  couponUsage,
  couponValues,
  couponWindow,
  describeCoupon,
} from "./coupon-values";
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
export { GoogleSignIn } from "./google-sign-in";
export { InboxPage, type InboxPageProps } from "./inbox-page";
export {
  badgeText,
  bellLabel,
  draftProblem,
  labelWithCount,
  lastSeq,
  mergeMessages,
  responseTimeText,
  seenMessageId,
  timeAgo,
  unreadFirst,
} from "./inbox-values";
export { InvoiceButton, saveBlob } from "./invoice-button";
export { KpiCard, KpiGrid } from "./kpi-card";
export { AppShell, Card, FilterTabs, Loading, LoadMore, type NavItem, Page } from "./layout";
export {
  ConversationQueue,
  ConversationSubject,
  MessageComposer,
  type MessageDraft,
  MessageList,
  subjectText,
  type ThreadMessage,
} from "./messages";
export { discountPercent, type ParsedRupees, paiseToRupeesText, parseRupees } from "./money";
export {
  categoryLabel,
  NotificationBell,
  NotificationList,
  NotificationPreferencesTable,
} from "./notifications";
export { NotificationPreferencesPage, NotificationsPage } from "./notifications-page";
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
  type OrderAmounts,
  OrderItemList,
  OrderSums,
  OrderTimeline,
  PaymentStatusTag,
  ShippingAddress,
  SubOrderStatusTag,
  SumRow,
} from "./orders";
export { PhotoLinks } from "./photo-links";
export { MultiPicker, type PickerOption } from "./picker";
export { ReasonDialog } from "./reason-dialog";
export { AuthenticatorSetup, RecoveryCodes } from "./recovery-codes";
export { type MessageReport, ReportMessageDialog } from "./report-message-dialog";
export {
  RETURN_REASON_OPTIONS,
  RETURN_STATUSES,
  refundStatusLabel,
  refundStatusTone,
  returnReasonLabel,
  returnStatusLabel,
  returnStatusTone,
} from "./return-labels";
export { RefundStatusTag, ReturnStatusTag } from "./returns";
export { SecondFactorStep } from "./second-factor";
export { Stars, starsText } from "./stars";
export { TwoFactorSettings } from "./two-factor-settings";
export { UploadThumb } from "./upload-thumb";
export { type WebhooksOwner, WebhooksPage } from "./webhooks-page";
