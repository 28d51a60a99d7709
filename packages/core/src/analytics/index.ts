// Analytics: the seller's and the platform's dashboards, read from daily rollups kept in step
// with orders. Figures are defined in @bazaar/schemas analytics.ts.
//
// Decisions worth knowing:
// - A sale is booked on the India date its order was placed; what happens to it later
//   (payment, cancellation, delivery, a return received) is booked back on that day.
// - Facts per sub-order and per line hold what each contributes now; `refreshSales` recomputes
//   them from the raw rows and adds the difference to the rollups, in the caller's transaction.
//   Orders, payments and returns call it after each change; it is idempotent. Checkout only
//   books the new sub-orders (analytics_pending); `foldPendingSales` refreshes them in batches,
//   every few seconds and before any dashboard reads.
// - `rebuildAnalytics` recomputes everything from raw rows (deploy, bulk import, repair).
// - Shop, product and category rollups are sharded by order (concurrent checkouts of one shop
//   add to different rows); readers add the shards up, and the sweep folds closed days back
//   into one row (`foldRecentRollupShards`).
export { foldPendingSales } from "./fold-pending-sales";
export { foldRecentRollupShards } from "./fold-rollup-shards";
export { getAdminDashboard } from "./get-admin-dashboard";
export { getAdminHome } from "./get-admin-home";
export { getAdminTopCategories } from "./get-admin-top-categories";
export { getAdminTopShops } from "./get-admin-top-shops";
export { getSellerDashboard } from "./get-seller-dashboard";
export { getSellerTopProducts } from "./get-seller-top-products";
export { backfillAnalyticsIfEmpty, rebuildAnalytics } from "./rebuild-analytics";
export { refreshSales } from "./refresh-sales";
