import { AppShell, RequireRole, SignIn } from "@bazaar/ui";
import type { ReactNode } from "react";
import { createBrowserRouter, Navigate, Outlet } from "react-router";
import { CategoriesPage } from "./pages/categories";
import { CheckoutSettingsPage } from "./pages/checkout-settings";
import { CouponsPage } from "./pages/coupons";
import { FeaturedPage } from "./pages/featured";
import { ModerationPage } from "./pages/moderation";
import { OrderDetailPage } from "./pages/orders/order-detail";
import { OrdersPage } from "./pages/orders/orders";
import { SellerDetailPage } from "./pages/seller-detail";
import { SellersPage } from "./pages/sellers";
import { UsersPage } from "./pages/users";

const NAV = [
  { to: "/moderation", label: "Moderation" },
  { to: "/orders", label: "Orders" },
  { to: "/sellers", label: "Sellers" },
  { to: "/categories", label: "Categories" },
  { to: "/featured", label: "Featured" },
  { to: "/coupons", label: "Coupons" },
  { to: "/users", label: "Users" },
  { to: "/settings/checkout", label: "Checkout" },
];

function Shell() {
  return (
    <AppShell appName="Bazaar" badge="Admin" nav={NAV} afterSignOut="/login">
      <Outlet />
    </AppShell>
  );
}

const admin = (page: ReactNode) => <RequireRole roles="admin">{page}</RequireRole>;

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/moderation" replace /> },
      { path: "moderation", element: admin(<ModerationPage />) },
      { path: "orders", element: admin(<OrdersPage />) },
      { path: "orders/:id", element: admin(<OrderDetailPage />) },
      { path: "sellers", element: admin(<SellersPage />) },
      { path: "sellers/:id", element: admin(<SellerDetailPage />) },
      { path: "categories", element: admin(<CategoriesPage />) },
      { path: "featured", element: admin(<FeaturedPage />) },
      { path: "coupons", element: admin(<CouponsPage />) },
      { path: "users", element: admin(<UsersPage />) },
      { path: "settings/checkout", element: admin(<CheckoutSettingsPage />) },
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
