import { useAuth, useInboxLive, useMessageUnreadCount, useNotificationBell } from "@bazaar/client";
import {
  AppShell,
  labelWithCount,
  type NavItem,
  NotificationBell,
  NotificationPreferencesPage,
  NotificationsPage,
  RequireRole,
} from "@bazaar/ui";
import { createBrowserRouter, Link, Outlet } from "react-router";
import { CartLink } from "./cart/cart-link";
import { CartMergeNotice } from "./cart/cart-merge-notice";
import { SearchBox } from "./catalog/search-box";
import { MessagesPage } from "./messages/inbox";
import { NewConversationPage } from "./messages/new-conversation";
import { AccountLayout } from "./pages/account/account-layout";
import { AddressesPage } from "./pages/account/addresses";
import { LinkedAccountsPage } from "./pages/account/linked-accounts";
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
import { SecurityPage } from "./pages/security";
import { SharedWishlistPage } from "./pages/shared-wishlist";
import { ShopPage } from "./pages/shop";
import { TrackPage } from "./pages/track";
import { VerifyPage } from "./pages/verify";
import { WishlistPage } from "./pages/wishlist";

const ACCOUNT: NavItem = { to: "/account", label: "Your account" };
const customerNav = (unreadMessages: number | null): NavItem[] => [
  { to: "/orders", label: "Orders" },
  { to: "/returns", label: "Returns" },
  { to: "/messages", label: labelWithCount("Messages", unreadMessages) },
  { to: "/wishlist", label: "Wishlist", end: true },
  ACCOUNT,
];
/** What a customer hears about (payouts, catalogue and shop decisions are sellers' news). */
const CUSTOMER_CATEGORIES = ["orders", "payments", "returns", "messages", "questions", "account"] as const;

function Shell() {
  const { status, user } = useAuth();
  const customer = user?.role === "customer";
  // One inbox stream for the whole app: the nav's count and any open thread follow it.
  useInboxLive("customer", customer);
  const unread = useMessageUnreadCount("customer", customer);
  const bell = useNotificationBell();
  return (
    <AppShell
      appName="Bazaar"
      search={<SearchBox />}
      nav={customer ? customerNav(unread) : [ACCOUNT]}
      actions={
        <>
          {status === "signedIn" && <NotificationBell count={bell.count} />}
          <CartLink />
        </>
      }
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
      {
        path: "messages",
        element: (
          <RequireRole roles="customer">
            <MessagesPage />
          </RequireRole>
        ),
      },
      {
        path: "messages/new",
        element: (
          <RequireRole roles="customer">
            <NewConversationPage />
          </RequireRole>
        ),
      },
      {
        path: "messages/:id",
        element: (
          <RequireRole roles="customer">
            <MessagesPage />
          </RequireRole>
        ),
      },
      {
        path: "notifications",
        element: (
          <RequireRole>
            <NotificationsPage preferencesPath="/account/notifications" />
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
          { path: "security", element: <SecurityPage /> },
          { path: "linked", element: <LinkedAccountsPage /> },
          {
            path: "notifications",
            element: <NotificationPreferencesPage categories={CUSTOMER_CATEGORIES} />,
          },
        ],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
