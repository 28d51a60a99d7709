import { AppShell, RequireRole, SignIn } from "@bazaar/ui";
import { createBrowserRouter, Navigate, Outlet } from "react-router";
import { UsersPage } from "./pages/users";

function Shell() {
  return (
    <AppShell appName="Bazaar" badge="Admin" nav={[{ to: "/users", label: "Users" }]} afterSignOut="/login">
      <Outlet />
    </AppShell>
  );
}

export const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/users" replace /> },
      {
        path: "users",
        element: (
          <RequireRole roles="admin">
            <UsersPage />
          </RequireRole>
        ),
      },
      {
        path: "login",
        element: (
          <SignIn
            roles="admin"
            title="Admin sign in"
            intro={<p>Run the marketplace.</p>}
            redirectTo="/users"
          />
        ),
      },
      { path: "*", element: <Navigate to="/users" replace /> },
    ],
  },
]);
