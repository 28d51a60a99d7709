import { useAuth, useInboxLive, useMessageUnreadCount, useNotificationBell } from "@bazaar/client";
import {
  AppShell,
  Loading,
  type NavItem,
  NotificationBell,
  NotificationPreferencesPage,
  NotificationsPage,
  RequireRole,
  SignIn,
} from "@bazaar/ui";
import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Navigate, Outlet } from "react-router";
import { ApplyPage } from "./pages/apply";
import { CouponsPage } from "./pages/coupons";
import { DashboardPage } from "./pages/dashboard";
import { InventoryLogPage } from "./pages/inventory-log";
import { MessagesPage } from "./pages/messages/messages";
import { OrdersPage } from "./pages/orders/orders";
import { ProductEditorPage } from "./pages/product-editor/product-editor";
import { ProductsPage } from "./pages/products";
import { QuestionsPage } from "./pages/questions/questions";
import { ReturnsPage } from "./pages/returns/returns";
import { ReviewsPage } from "./pages/reviews/reviews";
import { SalesPage } from "./pages/sales/sales";
import { SecurityPage } from "./pages/security";
import { ShopProfilePage } from "./pages/shop-profile";
import { useSellerNav } from "./use-seller-nav";

// The money pages load on first visit: analytics brings recharts, which the rest of the app never needs.
const EarningsPage = lazy(() => import("./pages/money/earnings").then((m) => ({ default: m.EarningsPage })));
const PayoutsPage = lazy(() => import("./pages/money/payouts").then((m) => ({ default: m.PayoutsPage })));
const StatementsPage = lazy(() =>
  import("./pages/money/statements").then((m) => ({ default: m.StatementsPage })),
);
const ApiKeysPage = lazy(() => import("./pages/api-keys/api-keys").then((m) => ({ default: m.ApiKeysPage })));
const CatalogCsvPage = lazy(() =>
  import("./pages/catalog-csv/catalog-csv").then((m) => ({ default: m.CatalogCsvPage })),
);
const WebhooksPage = lazy(() =>
  import("./pages/webhooks/webhooks").then((m) => ({ default: m.WebhooksPage })),
);
const AnalyticsPage = lazy(() =>
  import("./pages/money/analytics").then((m) => ({ default: m.AnalyticsPage })),
);

const APPLICANT_NAV: NavItem[] = [{ to: "/apply", label: "Your application" }];

/** Everything a shop hears about; an applicant's news is under "shop" and "account". */
const SELLER_CATEGORIES = [
  "orders",
  "payments",
  "returns",
  "messages",
  "questions",
  "catalog",
  "payouts",
  "shop",
  "account",
] as const;

function Shell() {
  const { status, user } = useAuth();
  const seller = user?.role === "seller";
  // One inbox stream for the whole app: the nav's count and any open thread follow it.
  useInboxLive("seller", seller);
  const unread = useMessageUnreadCount("seller", seller);
  const sellerNav = useSellerNav(seller, unread);
  const bell = useNotificationBell();
  return (
    <AppShell
      appName="Bazaar"
      badge="Seller"
      nav={seller ? sellerNav : APPLICANT_NAV}
      actions={status === "signedIn" && <NotificationBell count={bell.count} />}
      afterSignOut="/login"
    >
      <Outlet />
    </AppShell>
  );
}

/** Seller pages. A customer is sent to apply (or to see how their application is doing). */
function SellerArea({ children }: { children: ReactNode }) {
  return (
    <RequireRole roles={["seller", "customer"]}>
      <SellersOnly>{children}</SellersOnly>
    </RequireRole>
  );
}

/** A lazily loaded seller page: the spinner while its code arrives. */
function LazySellerArea({ children }: { children: ReactNode }) {
  return (
    <SellerArea>
      <Suspense fallback={<Loading />}>{children}</Suspense>
    </SellerArea>
  );
}

function SellersOnly({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return user?.role === "seller" ? children : <Navigate to="/apply" replace />;
}

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      {
        index: true,
        element: (
          <SellerArea>
            <DashboardPage />
          </SellerArea>
        ),
      },
      {
        path: "orders",
        element: (
          <SellerArea>
            <OrdersPage />
          </SellerArea>
        ),
      },
      {
        path: "returns",
        element: (
          <SellerArea>
            <ReturnsPage />
          </SellerArea>
        ),
      },
      {
        path: "returns/:id",
        element: (
          <SellerArea>
            <ReturnsPage />
          </SellerArea>
        ),
      },
      {
        path: "messages",
        element: (
          <SellerArea>
            <MessagesPage />
          </SellerArea>
        ),
      },
      {
        path: "messages/:id",
        element: (
          <SellerArea>
            <MessagesPage />
          </SellerArea>
        ),
      },
      {
        path: "notifications",
        element: (
          <RequireRole roles={["seller", "customer"]}>
            <NotificationsPage preferencesPath="/settings/notifications" />
          </RequireRole>
        ),
      },
      {
        path: "account/security",
        element: (
          <RequireRole roles={["seller", "customer"]}>
            <SecurityPage />
          </RequireRole>
        ),
      },
      {
        path: "settings/notifications",
        element: (
          <RequireRole roles={["seller", "customer"]}>
            <NotificationPreferencesPage categories={SELLER_CATEGORIES} />
          </RequireRole>
        ),
      },
      {
        path: "reviews",
        element: (
          <SellerArea>
            <ReviewsPage />
          </SellerArea>
        ),
      },
      {
        path: "questions",
        element: (
          <SellerArea>
            <QuestionsPage />
          </SellerArea>
        ),
      },
      {
        path: "products",
        element: (
          <SellerArea>
            <ProductsPage />
          </SellerArea>
        ),
      },
      {
        path: "products/new",
        element: (
          <SellerArea>
            <ProductEditorPage />
          </SellerArea>
        ),
      },
      {
        path: "products/:id",
        element: (
          <SellerArea>
            <ProductEditorPage />
          </SellerArea>
        ),
      },
      {
        path: "products/:id/inventory",
        element: (
          <SellerArea>
            <InventoryLogPage />
          </SellerArea>
        ),
      },
      {
        path: "sales",
        element: (
          <SellerArea>
            <SalesPage />
          </SellerArea>
        ),
      },
      {
        path: "coupons",
        element: (
          <SellerArea>
            <CouponsPage />
          </SellerArea>
        ),
      },
      {
        path: "earnings",
        element: (
          <LazySellerArea>
            <EarningsPage />
          </LazySellerArea>
        ),
      },
      {
        path: "payouts",
        element: (
          <LazySellerArea>
            <PayoutsPage />
          </LazySellerArea>
        ),
      },
      {
        path: "statements",
        element: (
          <LazySellerArea>
            <StatementsPage />
          </LazySellerArea>
        ),
      },
      {
        path: "analytics",
        element: (
          <LazySellerArea>
            <AnalyticsPage />
          </LazySellerArea>
        ),
      },
      {
        path: "catalog-csv",
        element: (
          <LazySellerArea>
            <CatalogCsvPage />
          </LazySellerArea>
        ),
      },
      {
        path: "api-keys",
        element: (
          <LazySellerArea>
            <ApiKeysPage />
          </LazySellerArea>
        ),
      },
      {
        path: "webhooks",
        element: (
          <LazySellerArea>
            <WebhooksPage />
          </LazySellerArea>
        ),
      },
      {
        path: "shop",
        element: (
          <SellerArea>
            <ShopProfilePage />
          </SellerArea>
        ),
      },
      {
        path: "apply",
        element: (
          <RequireRole roles={["seller", "customer"]}>
            <ApplyPage />
          </RequireRole>
        ),
      },
      {
        path: "login",
        element: (
          <SignIn
            roles={["seller", "customer"]}
            title="Seller sign in"
            intro={
              <p>
                Manage your shop on Bazaar. New to selling? Sign in with your Bazaar account and apply to open
                a shop.
              </p>
            }
            redirectTo="/"
          />
        ),
      },
      { path: "*", element: <Navigate to="/" replace /> },
    ],
  },
]);
