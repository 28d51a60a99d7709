import { addressesRoutes } from "./routers/addresses";
import { adminRoutes } from "./routers/admin";
import { analyticsRoutes } from "./routers/analytics";
import { apiKeysRoutes } from "./routers/api-keys";
import { auditRoutes } from "./routers/audit";
import { cartRoutes } from "./routers/cart";
import { catalogRoutes } from "./routers/catalog";
import { catalogImportRoutes } from "./routers/catalog-import";
import { checkoutRoutes } from "./routers/checkout";
import { identityRoutes } from "./routers/identity";
import { identityGoogleRoutes } from "./routers/identity-google";
import { ledgerRoutes } from "./routers/ledger";
import { messagesRoutes } from "./routers/messages";
import { notificationsRoutes } from "./routers/notifications";
import { ordersRoutes } from "./routers/orders";
import { paymentsRoutes } from "./routers/payments";
import { payoutsRoutes } from "./routers/payouts";
import { promotionsRoutes } from "./routers/promotions";
import { questionsRoutes } from "./routers/questions";
import { reportsRoutes } from "./routers/reports";
import { returnsRoutes } from "./routers/returns";
import { reviewsRoutes } from "./routers/reviews";
import { sellersRoutes } from "./routers/sellers";
import { trackingRoutes } from "./routers/tracking";
import { twoFactorRoutes } from "./routers/two-factor";
import { webhooksRoutes } from "./routers/webhooks";
import { wishlistRoutes } from "./routers/wishlist";
import { createCallerFactory, router } from "./trpc";

/**
 * Every procedure path, composed from one router file per domain. Each file groups its
 * procedures by audience (public, signedIn, shopper, customer, seller, admin); this is
 * the one place that says where each group is mounted, so the paths clients call stay
 * put when code moves between domains. Seller and admin groups are keyed by their
 * namespace under `seller.` and `admin.`.
 */
export const appRouter = router({
  auth: router({
    ...identityRoutes.public,
    ...identityRoutes.signedIn,
    ...identityGoogleRoutes.public,
    ...identityGoogleRoutes.signedIn,
    ...twoFactorRoutes.public,
    ...twoFactorRoutes.signedIn,
  }),
  catalog: router(catalogRoutes.public),
  addresses: router(addressesRoutes.signedIn),
  cart: router(cartRoutes.shopper),
  wishlist: router({ ...wishlistRoutes.customer, ...wishlistRoutes.public }),
  checkout: router({ ...checkoutRoutes.customer, ...checkoutRoutes.public }),
  payments: router(paymentsRoutes.customer),
  orders: router({ ...ordersRoutes.customer, ...ordersRoutes.signedIn }),
  tracking: router(trackingRoutes.public),
  sellers: router({ ...sellersRoutes.signedIn, ...sellersRoutes.seller }),
  shops: router(sellersRoutes.public),
  returns: router({ ...returnsRoutes.public, ...returnsRoutes.signedIn, ...returnsRoutes.customer }),
  reviews: router({ ...reviewsRoutes.public, ...reviewsRoutes.signedIn, ...reviewsRoutes.customer }),
  questions: router({ ...questionsRoutes.public, ...questionsRoutes.signedIn, ...questionsRoutes.customer }),
  reports: router({ ...reportsRoutes.public, ...reportsRoutes.signedIn, ...reportsRoutes.customer }),
  messages: router(messagesRoutes.customer),
  notifications: router({ ...notificationsRoutes.public, ...notificationsRoutes.signedIn }),
  seller: router({
    ...catalogRoutes.seller,
    ...ordersRoutes.seller,
    ...promotionsRoutes.seller,
    ...returnsRoutes.seller,
    ...reviewsRoutes.seller,
    ...questionsRoutes.seller,
    ...reportsRoutes.seller,
    ...ledgerRoutes.seller,
    ...payoutsRoutes.seller,
    ...analyticsRoutes.seller,
    ...messagesRoutes.seller,
    ...apiKeysRoutes.seller,
    ...webhooksRoutes.seller,
    ...catalogImportRoutes.seller,
  }),
  admin: router({
    ...catalogRoutes.admin,
    ...ordersRoutes.admin,
    ...promotionsRoutes.admin,
    ...sellersRoutes.admin,
    ...adminRoutes.admin,
    ...auditRoutes.admin,
    ...returnsRoutes.admin,
    ...reviewsRoutes.admin,
    ...questionsRoutes.admin,
    ...reportsRoutes.admin,
    ledger: ledgerRoutes.admin.ledger,
    ...payoutsRoutes.admin,
    ...analyticsRoutes.admin,
    ...messagesRoutes.admin,
    ...webhooksRoutes.admin,
    ...paymentsRoutes.admin,
    // Platform settings kept by three domains: commission (sellers), checkout's, finance (ledger).
    settings: {
      ...sellersRoutes.admin.settings,
      ...checkoutRoutes.admin.settings,
      ...ledgerRoutes.admin.settings,
    },
  }),
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
