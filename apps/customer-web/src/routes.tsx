import { useAuth } from "@bazaar/client";
import { AppShell, type NavItem, RequireRole } from "@bazaar/ui";
import { createBrowserRouter, Link, Outlet } from "react-router";
import { CartLink } from "./cart/cart-link";
import { CartMergeNotice } from "./cart/cart-merge-notice";
import { SearchBox } from "./catalog/search-box";
import { AccountLayout } from "./pages/account/account-layout";
import { AddressesPage } from "./pages/account/addresses";
import { PasswordPage } from "./pages/account/password";
import { ProfilePage } from "./pages/account/profile";
import { SessionsPage } from "./pages/account/sessions";
import { CartPage } from "./pages/cart";
import { CategoryPage } from "./pages/category";
import { CheckoutPage } from "./pages/checkout";
import { ForgotPasswordPage } from "./pages/forgot-password";
import { HomePage } from "./pages/home";
import { LoginPage } from "./pages/login";
import { NotFoundPage } from "./pages/not-found";
import { OrderPage } from "./pages/order";
import { OrdersPage } from "./pages/orders";
import { ProductPage } from "./pages/product";
import { RegisterPage } from "./pages/register";
import { ResetPasswordPage } from "./pages/reset-password";
import { ReturnPage } from "./pages/return-detail";
import { ReturnsPage } from "./pages/returns";
import { SearchPage } from "./pages/search";
import { SharedWishlistPage } from "./pages/shared-wishlist";
import { ShopPage } from "./pages/shop";
import { TrackPage } from "./pages/track";
import { VerifyPage } from "./pages/verify";
import { WishlistPage } from "./pages/wishlist";

const ACCOUNT: NavItem = { to: "/account", label: "Your account" };
const CUSTOMER_NAV: NavItem[] = [
  { to: "/orders", label: "Orders" },
  { to: "/returns", label: "Returns" },
  { to: "/wishlist", label: "Wishlist", end: true },
  ACCOUNT,
];

function Shell() {
  const { user } = useAuth();
  return (
    <AppShell
      appName="Bazaar"
      search={<SearchBox />}
      nav={user?.role === "customer" ? CUSTOMER_NAV : [ACCOUNT]}
      actions={<CartLink />}
      signedOutActions={
        <>
          <Link to="/login" className="bz-button bz-button--secondary">
            Sign in
          </Link>
          <Link to="/register" className="bz-button bz-button--primary">
            Create account
          </Link>
        </>
      }
    >
      <CartMergeNotice />
      <Outlet />
    </AppShell>
  );
}

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "search", element: <SearchPage /> },
      { path: "c/:slug", element: <CategoryPage /> },
      { path: "p/:slug", element: <ProductPage /> },
      { path: "shop/:slug", element: <ShopPage /> },
      { path: "cart", element: <CartPage /> },
      {
        path: "checkout",
        element: (
          <RequireRole roles="customer">
            <CheckoutPage />
          </RequireRole>
        ),
      },
      {
        path: "orders",
        element: (
          <RequireRole roles="customer">
            <OrdersPage />
          </RequireRole>
        ),
      },
      {
        path: "orders/:id",
        element: (
          <RequireRole roles="customer">
            <OrderPage />
          </RequireRole>
        ),
      },
      {
        path: "returns",
        element: (
          <RequireRole roles="customer">
            <ReturnsPage />
          </RequireRole>
        ),
      },
      {
        path: "returns/:id",
        element: (
          <RequireRole roles="customer">
            <ReturnPage />
          </RequireRole>
        ),
      },
      { path: "track/:code", element: <TrackPage /> },
      {
        path: "wishlist",
        element: (
          <RequireRole roles="customer">
            <WishlistPage />
          </RequireRole>
        ),
      },
      { path: "wishlist/shared/:token", element: <SharedWishlistPage /> },
      { path: "register", element: <RegisterPage /> },
      { path: "verify", element: <VerifyPage /> },
      { path: "login", element: <LoginPage /> },
      { path: "forgot-password", element: <ForgotPasswordPage /> },
      { path: "reset-password", element: <ResetPasswordPage /> },
      {
        path: "account",
        element: (
          <RequireRole>
            <AccountLayout />
          </RequireRole>
        ),
        children: [
          { index: true, element: <ProfilePage /> },
          { path: "addresses", element: <AddressesPage /> },
          { path: "sessions", element: <SessionsPage /> },
          { path: "password", element: <PasswordPage /> },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
