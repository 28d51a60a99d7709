// The package's public surface: what the api, the server, the worker and the test harness
// use, named one by one from each domain's index. What domains export to each other (order
// effects, coupon checks, sale-price SQL, the outbox) stays inside core.

export { createAddress, listAddresses, removeAddress, setDefaultAddress, updateAddress } from "./addresses";
export { listUsers, setUserStatus } from "./admin";
export {
  backfillAnalyticsIfEmpty,
  foldPendingSales,
  getAdminDashboard,
  getAdminHome,
  getAdminTopCategories,
  getAdminTopShops,
  getSellerDashboard,
  getSellerTopProducts,
  rebuildAnalytics,
} from "./analytics";
// Seller API keys for integrators (issue #16).
export {
  type ApiKeyActor,
  authenticateApiKey,
  createApiKey,
  LAST_USED_RESOLUTION_MS,
  listApiKeys,
  revokeApiKey,
} from "./api-keys";
export { diffSides, getAuditEntry, listAuditLog } from "./audit";
export {
  addCartItem,
  applyCoupon,
  type CartOwner,
  type CartResult,
  clearCart,
  GUEST_CART_DAYS,
  getCart,
  getCheckoutSettings,
  mergeGuestCart,
  removeCartItem,
  removeCoupon,
  updateCartItem,
} from "./cart";
export {
  adjustStock,
  approveProduct,
  archiveProduct,
  type CategoryDto,
  type CompiledQuery,
  categoryTree,
  compiledBrowseQuery,
  createCategory,
  createProduct,
  deleteCategory,
  discardRevision,
  getSellerProduct,
  inventoryLog,
  listProducts,
  listSellerProducts,
  moderationQueue,
  productBySlug,
  rejectProduct,
  restoreProduct,
  type Suggestion,
  searchSuggest,
  setFeatured,
  setStock,
  submitProduct,
  takeDownProduct,
  updateCategory,
  updateProduct,
} from "./catalog";
export {
  beginCatalogImport,
  catalogImportErrorReport,
  exportCatalogCsv,
  getCatalogImport,
  importCatalogCsv,
  listCatalogImports,
} from "./catalog-csv";
export { placeOrder, setCheckoutSettings } from "./checkout";
export { type Config, ConfigError, loadConfig } from "./config";
export { DomainError } from "./errors";
export {
  assertSessionLive,
  assertSessionLiveBatched,
  authenticate,
  authenticateBearer,
  changePassword,
  completeSignIn,
  confirmChallengeEnrolment,
  confirmTwoFactor,
  createVerifiedUser,
  disableTwoFactor,
  getMe,
  getTwoFactorStatus,
  listLinkedAccounts,
  listSessions,
  listTrustedDevices,
  login,
  logout,
  refreshSession,
  regenerateRecoveryCodes,
  register,
  requestPasswordReset,
  resendOtp,
  resetPassword,
  revokeSession,
  revokeTrustedDevice,
  type SignedIn,
  type SignInOutcome,
  secondFactorRequired,
  signInProviders,
  signInWithGoogle,
  startChallengeEnrolment,
  startTwoFactor,
  unlinkAccount,
  updateProfile,
  userExists,
  verifyEmail,
  verifySecondFactor,
} from "./identity";
export { invoicePdf } from "./invoices";
export {
  adjustBalance,
  adminGetBalances,
  adminGetStatement,
  adminListLedger,
  getFinanceSettings,
  getMyBalances,
  getMyStatement,
  listMyLedger,
  setFinanceSettings,
  statementFile,
} from "./ledger";
export { uploadMedia } from "./media";
// Buyer–seller conversations (issue #15).
export {
  adminGetThread,
  getShopResponseTime,
  getThread,
  inboxChannel,
  listConversations,
  markConversationRead,
  messageUnreadCount,
  sendMessage,
  sendUnreadEmail,
  setMessageHidden,
  startConversation,
  streamMessages,
} from "./messaging";
// The in-app inbox, preferences and one-click unsubscribe (issue #15).
export {
  checkUnsubscribe,
  getNotificationPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationsRead,
  notificationChannel,
  notificationUnreadCount,
  renderUnsubscribePage,
  setNotificationPreferences,
  streamNotifications,
  unsubscribe,
  unsubscribeToken,
} from "./notifications";
export {
  adminCancelOrder,
  adminGetOrder,
  adminListOrders,
  advanceSubOrder,
  cancelMyOrder,
  customerChannel,
  getMyOrder,
  getSellerOrder,
  listMyOrders,
  listSellerOrders,
  sellerChannel,
} from "./orders";
export {
  checkDevReturnUrl,
  completeDevPayment,
  confirmPayment,
  confirmStripePayment,
  createStripeGateway,
  type DevGateway,
  devReturnUrl,
  getPaymentGateways,
  getPaymentOptions,
  payMyOrder,
  receiveRazorpayWebhook,
  receiveStripeWebhook,
  renderDevCheckoutPage,
  setPaymentGateways,
  signWebhook,
} from "./payments";
export {
  adminGetPayout,
  adminListPayouts,
  approvePayout,
  exportPayouts,
  getMyPayout,
  listMyPayouts,
  markPayoutPaid,
  rejectPayout,
  requestPayout,
} from "./payouts";
export {
  type AuditEntry,
  type AuditScope,
  audit,
  auditScopeOf,
  rootDb,
  setAuditActor,
  withAuditScope,
} from "./platform/audit";
export { type Cache, isSharedValue, markShared } from "./platform/cache";
export { classifyDbError } from "./platform/db-errors";
export type { Actor, Deps, Origin, SellerActor } from "./platform/deps";
export type { LiveEvents } from "./platform/live";
export type { Log } from "./platform/log";
export type { Mailer, MailMessage } from "./platform/mailer";
export type { MediaStore, StoredMedia } from "./platform/media-store";
export type { PaymentGateway } from "./platform/payment-gateway";
export { defaultLimits, type Limits, type RateLimiter } from "./platform/rate-limit";
export { slugify } from "./platform/text";
export {
  cancelSaleEvent,
  createCoupon,
  createSaleEvent,
  findCouponByCode,
  listCoupons,
  listSaleEvents,
  setCouponActive,
  updateCoupon,
  updateSaleEvent,
} from "./promotions";
export {
  answerOwner,
  answerQuestion,
  askQuestion,
  listQuestions,
  listSellerQuestions,
  type QaContentOwner,
  questionOwner,
  setAnswerStatus,
  setQuestionStatus,
  voteAnswer,
  voteQuestion,
} from "./questions";
export {
  createReport,
  getReportCase,
  listReportCases,
  resolveReportCase,
  restoreReportedContent,
} from "./reports";
// After delivery (issue #11): each domain names its exports on its own line.
export {
  adminGetReturn,
  adminGetShopReturnWindow,
  adminListReturns,
  adminSetShopReturnWindow,
  approveReturn,
  cancelReturn,
  decideReturn,
  escalateReturn,
  getMyReturn,
  getReturnSettings,
  getSellerReturn,
  getShopReturnWindow,
  listMyReturns,
  listSellerReturns,
  markReturnRefundPaid,
  receiveReturn,
  rejectReturn,
  requestReturn,
  setDefaultReturnWindow,
  setShopReturnWindow,
} from "./returns";
export {
  compiledReviewQueries,
  createReview,
  listMyReviews,
  listProductReviews,
  listSellerReviews,
  removeReview,
  replyToReview,
  reviewEligibility,
  reviewSummary,
  setReviewStatus,
  updateReview,
  voteReview,
} from "./reviews";
export { createRuntime, type Runtime } from "./runtime";
export {
  applyToSell,
  approveSeller,
  createShopForSeed,
  getMySeller,
  getPlatformSettings,
  getSeller,
  getShopBySlug,
  listSellers,
  reinstateSeller,
  rejectSeller,
  requireApprovedSeller,
  setDefaultCommission,
  setSellerCommission,
  suspendSeller,
  updateShopProfile,
} from "./sellers";
export { createTrackingCode, getTracking, readTrackingCode, trackingQr, trackingUrl } from "./tracking";
// Outbound webhooks (issue #16).
export {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  deliverWebhookEvent,
  dispatchWebhooks,
  listWebhookDeliveries,
  listWebhookEndpoints,
  redeliverWebhookEvent,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from "./webhooks";
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
