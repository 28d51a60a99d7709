import { useAuth } from "@bazaar/client";
import { AppShell, Card, Page, RequireRole, SignIn } from "@bazaar/ui";
import { createBrowserRouter, Navigate, Outlet } from "react-router";

function Shell() {
  return (
    <AppShell appName="Bazaar" badge="Seller" afterSignOut="/login">
      <Outlet />
    </AppShell>
  );
}

function Dashboard() {
  const { user } = useAuth();
  return (
    <Page title={`Welcome, ${user?.name ?? "seller"}`} description="Your seller dashboard.">
      <Card title="Your shop" testId="seller-dashboard">
        <p>
          You are signed in as <strong>{user?.name}</strong> ({user?.email}).
        </p>
        <p className="bz-muted">Catalog and orders arrive with the next release.</p>
      </Card>
    </Page>
  );
}

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      {
        index: true,
        element: (
          <RequireRole roles="seller">
            <Dashboard />
          </RequireRole>
        ),
      },
      {
        path: "login",
        element: (
          <SignIn
            roles="seller"
            title="Seller sign in"
            intro={<p>Manage your shop on Bazaar.</p>}
            redirectTo="/"
          />
        ),
      },
      { path: "*", element: <Navigate to="/" replace /> },
    ],
  },
]);
