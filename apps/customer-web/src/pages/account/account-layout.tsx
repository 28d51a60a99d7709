import { NavLink, Outlet } from "react-router";

const TABS = [
  { to: "/account", label: "Profile", end: true },
  { to: "/account/addresses", label: "Addresses" },
  { to: "/account/sessions", label: "Devices" },
  { to: "/account/password", label: "Password" },
  { to: "/account/security", label: "Two-factor" },
  { to: "/account/linked", label: "Linked accounts" },
  { to: "/account/notifications", label: "Notifications" },
];

export function AccountLayout() {
  return (
    <div className="bz-account">
      <nav className="bz-tabs" aria-label="Account">
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end ?? false} className="bz-tabs__link">
            {tab.label}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
