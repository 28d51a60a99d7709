// Analytics: the seller's and the platform's dashboards, read from daily rollups kept in step
// with orders (see rollups.ts). Figures are defined in @bazaar/schemas analytics.ts.
export { getAdminDashboard } from "./get-admin-dashboard";
export { getAdminHome } from "./get-admin-home";
export { getAdminTopCategories } from "./get-admin-top-categories";
export { getAdminTopShops } from "./get-admin-top-shops";
export { getSellerDashboard } from "./get-seller-dashboard";
export { getSellerTopProducts } from "./get-seller-top-products";
