import { useAuth } from "@bazaar/client";
import { AppShell, type NavItem, RequireRole, SignIn } from "@bazaar/ui";
import type { ReactNode } from "react";
import { createBrowserRouter, Navigate, Outlet } from "react-router";
import { ApplyPage } from "./pages/apply";
import { CouponsPage } from "./pages/coupons";
import { DashboardPage } from "./pages/dashboard";
import { InventoryLogPage } from "./pages/inventory-log";
import { OrdersPage } from "./pages/orders/orders";
import { ProductEditorPage } from "./pages/product-editor/product-editor";
import { ProductsPage } from "./pages/products";
import { QuestionsPage } from "./pages/questions/questions";
import { ReturnsPage } from "./pages/returns/returns";
import { ReviewsPage } from "./pages/reviews/reviews";
import { SalesPage } from "./pages/sales/sales";
import { ShopProfilePage } from "./pages/shop-profile";
import { useSellerNav } from "./use-seller-nav";

const APPLICANT_NAV: NavItem[] = [{ to: "/apply", label: "Your application" }];

function Shell() {
  const { user } = useAuth();
  const sellerNav = useSellerNav(user?.role === "seller");
  return (
    <AppShell
      appName="Bazaar"
      badge="Seller"
      nav={user?.role === "seller" ? sellerNav : APPLICANT_NAV}
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
