import { AppShell, RequireRole } from "@bazaar/ui";
import { createBrowserRouter, Link, Outlet } from "react-router";
import { SearchBox } from "./catalog/search-box";
import { AccountLayout } from "./pages/account/account-layout";
import { AddressesPage } from "./pages/account/addresses";
import { PasswordPage } from "./pages/account/password";
import { ProfilePage } from "./pages/account/profile";
import { SessionsPage } from "./pages/account/sessions";
import { CategoryPage } from "./pages/category";
import { ForgotPasswordPage } from "./pages/forgot-password";
import { HomePage } from "./pages/home";
import { LoginPage } from "./pages/login";
import { NotFoundPage } from "./pages/not-found";
import { ProductPage } from "./pages/product";
import { RegisterPage } from "./pages/register";
import { ResetPasswordPage } from "./pages/reset-password";
import { SearchPage } from "./pages/search";
import { ShopPage } from "./pages/shop";
import { VerifyPage } from "./pages/verify";

function Shell() {
  return (
    <AppShell
      appName="Bazaar"
      search={<SearchBox />}
      nav={[{ to: "/account", label: "Your account" }]}
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
