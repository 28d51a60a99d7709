import { useAuth } from "@bazaar/client";
import { type ReactNode, useState } from "react";
import { Link, NavLink, useNavigate } from "react-router";
import { Button } from "./form";

export type NavItem = { to: string; label: string; end?: boolean };

type AppShellProps = {
  appName: string;
  /** Shown beside the brand, e.g. "Seller". */
  badge?: string;
  nav?: NavItem[];
  /** Shown on the right when nobody is signed in. */
  signedOutActions?: ReactNode;
  /** Where to go after signing out. */
  afterSignOut?: string;
  /** Shown in the header for everyone, between the brand and the user (a search box). */
  search?: ReactNode;
  /** Shown in the header for everyone, before the user (a cart link). */
  actions?: ReactNode;
  children: ReactNode;
};

/** Header with brand, navigation and the signed-in user; the page below. */
export function AppShell({
  appName,
  badge,
  nav = [],
  signedOutActions,
  afterSignOut = "/",
  search,
  actions,
  children,
}: AppShellProps) {
  const { status, user, logout } = useAuth();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  const signOut = async () => {
    setSigningOut(true);
    await logout();
    setSigningOut(false);
    navigate(afterSignOut);
  };
  return (
    <div className="bz-app">
      <header className="bz-header">
        <div className="bz-header__inner">
          <Link to="/" className="bz-brand">
            <span className="bz-brand__mark" aria-hidden="true">
              B
            </span>
            {appName}
            {badge && <span className="bz-brand__badge">{badge}</span>}
          </Link>
          {status === "signedIn" && nav.length > 0 && (
            <nav className="bz-nav" aria-label="Main">
              {nav.map((item) => (
                <NavLink key={item.to} to={item.to} end={item.end ?? false} className="bz-nav__link">
                  {item.label}
                </NavLink>
              ))}
            </nav>
          )}
          {search && <div className="bz-header__search">{search}</div>}
          <div className="bz-header__user">
            {actions}
            {status === "signedIn" && user ? (
              <>
                <span className="bz-header__name" data-testid="signed-in-user">
                  {user.name}
                </span>
                <Button
                  variant="secondary"
                  onClick={signOut}
                  pending={signingOut}
                  pendingLabel="Signing out…"
                >
                  Sign out
                </Button>
              </>
            ) : status === "signedOut" ? (
              signedOutActions
            ) : null}
          </div>
        </div>
      </header>
      <main className="bz-main">{children}</main>
    </div>
  );
}

export function Page(props: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="bz-page">
      <div className="bz-page__head">
        <div>
          <h1 className="bz-page__title">{props.title}</h1>
          {props.description && <p className="bz-page__description">{props.description}</p>}
        </div>
        {props.actions && <div className="bz-page__actions">{props.actions}</div>}
      </div>
      {props.children}
    </section>
  );
}

export function Card(props: { title?: string; children: ReactNode; className?: string; testId?: string }) {
  return (
    <div className={`bz-card${props.className ? ` ${props.className}` : ""}`} data-testid={props.testId}>
      {props.title && <h2 className="bz-card__title">{props.title}</h2>}
      {props.children}
    </div>
  );
}

export function Loading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className="bz-loading" role="status">
      <span className="bz-spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** The "Load more" button under every cursor-paginated list; takes the infinite query itself. */
export function LoadMore({
  query,
}: {
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  if (!query.hasNextPage) return null;
  return (
    <div className="bz-load-more">
      <Button
        variant="secondary"
        onClick={() => void query.fetchNextPage()}
        pending={query.isFetchingNextPage}
        pendingLabel="Loading…"
      >
        Load more
      </Button>
    </div>
  );
}

/**
 * Filter tabs over a list (status, state…): each tab is a link, so the choice lives in the
 * URL and survives a reload. `current` is the active tab's value.
 */
export function FilterTabs<V extends string>(props: {
  label: string;
  tabs: readonly { value: V; label: string }[];
  current: V;
  href: (value: V) => string;
}) {
  return (
    <nav className="bz-tabs" aria-label={props.label}>
      {props.tabs.map((t) => (
        <NavLink
          key={t.value || "all"}
          to={props.href(t.value)}
          className={() => `bz-tabs__link${t.value === props.current ? " active" : ""}`}
          aria-current={t.value === props.current ? "page" : undefined}
        >
          {t.label}
        </NavLink>
      ))}
    </nav>
  );
}
