import { useAuth, useNotificationBell } from "@bazaar/client";
import {
  AppShell,
  Loading,
  NotificationBell,
  NotificationPreferencesPage,
  NotificationsPage,
  RequireRole,
  SignIn,
} from "@bazaar/ui";
import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Navigate, Outlet } from "react-router";
import { AuditLogPage } from "./pages/audit/audit-log";
import { CategoriesPage } from "./pages/categories";
import { CheckoutSettingsPage } from "./pages/checkout-settings";
import { CouponsPage } from "./pages/coupons";
import { FeaturedPage } from "./pages/featured";
import { FinanceSettingsPage } from "./pages/finance/finance-settings";
import { ModerationPage } from "./pages/moderation";
import { OrderDetailPage } from "./pages/orders/order-detail";
import { OrdersPage } from "./pages/orders/orders";
import { PaymentGatewaysPage } from "./pages/payment-gateways";
import { PayoutsPage } from "./pages/payouts/payouts";
import { ConversationPage } from "./pages/reports/conversation";
import { ReportDetailPage } from "./pages/reports/report-detail";
import { ReportsPage } from "./pages/reports/reports";
import { RefundsPage } from "./pages/returns/refunds";
import { ReturnDetailPage } from "./pages/returns/return-detail";
import { ReturnSettingsPage } from "./pages/returns/return-settings";
import { ReturnsPage } from "./pages/returns/returns";
import { SecurityPage } from "./pages/security";
import { SellerDetailPage } from "./pages/seller-detail";
import { SellersPage } from "./pages/sellers";
import { UsersPage } from "./pages/users";

// The dashboards draw charts (recharts): loaded on first visit, not with the app.
const HomePage = lazy(() => import("./pages/analytics/home").then((m) => ({ default: m.HomePage })));
const WebhooksPage = lazy(() =>
  import("./pages/webhooks/webhooks").then((m) => ({ default: m.WebhooksPage })),
);
const AnalyticsPage = lazy(() =>
  import("./pages/analytics/analytics").then((m) => ({ default: m.AnalyticsPage })),
);

const NAV = [
  { to: "/", label: "Dashboard", end: true },
  { to: "/analytics", label: "Analytics" },
  { to: "/moderation", label: "Moderation" },
  { to: "/reports", label: "Reports" },
  { to: "/orders", label: "Orders" },
  { to: "/returns", label: "Returns" },
  { to: "/refunds", label: "Refunds" },
  { to: "/payouts", label: "Payouts" },
  { to: "/sellers", label: "Sellers" },
  { to: "/categories", label: "Categories" },
  { to: "/featured", label: "Featured" },
  { to: "/coupons", label: "Coupons" },
  { to: "/users", label: "Users" },
  { to: "/settings/checkout", label: "Checkout" },
  { to: "/settings/payments", label: "Payments" },
  { to: "/settings/returns", label: "Return window" },
  { to: "/settings/finance", label: "Finance" },
  { to: "/webhooks", label: "Webhooks" },
  { to: "/audit", label: "Audit log" },
  { to: "/account/security", label: "Sign-in security" },
];

/** What an admin hears about: the marketplace's queues, payouts to send, and their own account. */
const ADMIN_CATEGORIES = ["orders", "payments", "returns", "catalog", "payouts", "shop", "account"] as const;

function Shell() {
  const { status } = useAuth();
  const bell = useNotificationBell();
  return (
    <AppShell
      appName="Bazaar"
      badge="Admin"
      nav={NAV}
      actions={status === "signedIn" && <NotificationBell count={bell.count} />}
      afterSignOut="/login"
    >
      <Outlet />
    </AppShell>
  );
}

const admin = (page: ReactNode) => <RequireRole roles="admin">{page}</RequireRole>;
const lazyAdmin = (page: ReactNode) => admin(<Suspense fallback={<Loading />}>{page}</Suspense>);

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { index: true, element: lazyAdmin(<HomePage />) },
      { path: "analytics", element: lazyAdmin(<AnalyticsPage />) },
      { path: "moderation", element: admin(<ModerationPage />) },
      { path: "orders", element: admin(<OrdersPage />) },
      { path: "orders/:id", element: admin(<OrderDetailPage />) },
      { path: "returns", element: admin(<ReturnsPage />) },
      { path: "returns/:id", element: admin(<ReturnDetailPage />) },
      { path: "refunds", element: admin(<RefundsPage />) },
      { path: "payouts", element: admin(<PayoutsPage />) },
      { path: "reports", element: admin(<ReportsPage />) },
      { path: "reports/:id", element: admin(<ReportDetailPage />) },
      { path: "conversations/:id", element: admin(<ConversationPage />) },
      {
        path: "notifications",
        element: admin(<NotificationsPage preferencesPath="/settings/notifications" />),
      },
      {
        path: "settings/notifications",
        element: admin(<NotificationPreferencesPage categories={ADMIN_CATEGORIES} />),
      },
      { path: "sellers", element: admin(<SellersPage />) },
      { path: "sellers/:id", element: admin(<SellerDetailPage />) },
      { path: "categories", element: admin(<CategoriesPage />) },
      { path: "featured", element: admin(<FeaturedPage />) },
      { path: "coupons", element: admin(<CouponsPage />) },
      { path: "users", element: admin(<UsersPage />) },
      { path: "settings/checkout", element: admin(<CheckoutSettingsPage />) },
      { path: "settings/payments", element: admin(<PaymentGatewaysPage />) },
      { path: "settings/returns", element: admin(<ReturnSettingsPage />) },
      { path: "settings/finance", element: admin(<FinanceSettingsPage />) },
      { path: "webhooks", element: lazyAdmin(<WebhooksPage />) },
      { path: "audit", element: admin(<AuditLogPage />) },
      { path: "account/security", element: admin(<SecurityPage />) },
      {
        path: "login",
        element: (
          <SignIn
            roles="admin"
            title="Admin sign in"
            intro={<p>Run the marketplace.</p>}
            redirectTo="/moderation"
          />
        ),
      },
      { path: "*", element: <Navigate to="/moderation" replace /> },
    ],
  },
]);
