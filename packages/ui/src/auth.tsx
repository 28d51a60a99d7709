import { type FormError, toFormError, useAuth } from "@bazaar/client";
import type { AuthResult, Role, SecondFactorChallenge } from "@bazaar/schemas";
import { type ReactNode, useState } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { Alert, Button, ErrorAlert, Form, TextField } from "./form";
import { GoogleSignIn } from "./google-sign-in";
import { Card, Loading } from "./layout";
import { SecondFactorStep } from "./second-factor";

const plural: Record<Role, string> = { customer: "customers", seller: "sellers", admin: "admins" };
const withArticle: Record<Role, string> = { customer: "a customer", seller: "a seller", admin: "an admin" };

const allowed = (role: Role, roles: Role | readonly Role[] | undefined) =>
  roles === undefined || (typeof roles === "string" ? roles === role : roles.includes(role));

/** The admin app: a Google sign-in there must never create an account. */
const adminOnly = (roles: Role | readonly Role[] | undefined) =>
  roles !== undefined && (typeof roles === "string" ? [roles] : roles).every((r) => r === "admin");

/** "This app is for sellers. You are signed in as a customer." */
export function wrongRoleMessage(roles: Role | readonly Role[], actual: Role): string {
  const list = (typeof roles === "string" ? [roles] : [...roles]).map((r) => plural[r]).join(" and ");
  return `This app is for ${list}. You are signed in as ${withArticle[actual]}.`;
}

/** Shown to a signed-in user whose role this app does not serve, with a way out. */
export function WrongRole({ roles }: { roles: Role | readonly Role[] }) {
  const { user, logout } = useAuth();
  const [pending, setPending] = useState(false);
  if (!user) return null;
  return (
    <Card className="bz-card--narrow" testId="wrong-role">
      <Alert tone="warning" title="Wrong account">
        {wrongRoleMessage(roles, user.role)}
      </Alert>
      <p className="bz-muted">
        Signed in as <strong>{user.email}</strong>. Sign out to use another account.
      </p>
      <Button
        onClick={async () => {
          setPending(true);
          await logout();
          setPending(false);
        }}
        pending={pending}
        pendingLabel="Signing out…"
      >
        Sign out
      </Button>
    </Card>
  );
}

type From = { from?: { pathname: string; search?: string } } | null;

type SignInProps = {
  /** Roles that may use this app; omit to let any signed-in account in. */
  roles?: Role | readonly Role[];
  title?: string;
  intro?: ReactNode;
  /** Where to go after signing in, unless the user was sent here from a guarded page. */
  redirectTo?: string;
  /** Links under the form (register, forgot password). */
  footer?: ReactNode;
  /** When set, an unverified account is offered a link here (`?email=` is added). */
  verifyPath?: string;
  /** Called with the answer once signed in, before leaving the page (a cart merge report). */
  onSignedIn?: (result: AuthResult) => void;
};

/** An email + password sign-in page that only lets the allowed roles through. */
export function SignIn({
  roles,
  title = "Sign in",
  intro,
  redirectTo = "/",
  footer,
  verifyPath,
  onSignedIn,
}: SignInProps) {
  const auth = useAuth();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  // The password (or Google) was right and a second factor is owed: no session yet.
  const [challenge, setChallenge] = useState<SecondFactorChallenge | null>(null);

  if (auth.status === "loading") return <Loading />;
  if (auth.status === "signedIn" && auth.user) {
    if (roles !== undefined && !allowed(auth.user.role, roles)) return <WrongRole roles={roles} />;
    const from = (location.state as From)?.from;
    return <Navigate to={from ? `${from.pathname}${from.search ?? ""}` : redirectTo} replace />;
  }

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      // Not `onSignedIn?.(await …)`: an absent callback would skip the call in its arguments.
      const result = await auth.login({ email, password });
      if (result.status === "second_factor_required") setChallenge(result);
      else onSignedIn?.(result);
    } catch (e) {
      setError(toFormError(e));
    } finally {
      setPending(false);
    }
  };

  if (challenge)
    return (
      <Card className="bz-card--narrow">
        <h1 className="bz-card__heading">{title}</h1>
        <SecondFactorStep
          challenge={challenge}
          onSignedIn={onSignedIn}
          onCancel={() => {
            setChallenge(null);
            setPassword("");
          }}
        />
      </Card>
    );

  const unverified = error?.reason === "auth.email_not_verified" && verifyPath;
  return (
    <Card className="bz-card--narrow">
      <h1 className="bz-card__heading">{title}</h1>
      {intro && <div className="bz-muted">{intro}</div>}
      <Form onSubmit={submit} pending={pending} aria-label={title} testId="sign-in-form">
        {unverified ? (
          <Alert tone="warning" title="Verify your email first">
            <Link to={`${verifyPath}?email=${encodeURIComponent(email.trim())}`}>
              Enter your verification code
            </Link>
            {" or ask for a new one."}
          </Alert>
        ) : (
          <ErrorAlert error={error} fields={["email", "password"]} />
        )}
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          value={email}
          onValue={setEmail}
          error={error?.fieldErrors.email}
          required
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={setPassword}
          error={error?.fieldErrors.password}
          required
        />
        <Button type="submit" pending={pending} pendingLabel="Signing in…" className="bz-button--block">
          Sign in
        </Button>
      </Form>
      <GoogleSignIn
        role={adminOnly(roles) ? "admin" : undefined}
        onSignedIn={onSignedIn}
        onChallenge={setChallenge}
      />
      {footer && <div className="bz-card__footer">{footer}</div>}
    </Card>
  );
}

/**
 * Renders its children only for a signed-in user with an allowed role: others are sent to
 * sign in (and come back afterwards) or shown who they are signed in as.
 */
export function RequireRole({
  roles,
  signInPath = "/login",
  children,
}: {
  roles?: Role | readonly Role[];
  signInPath?: string;
  children: ReactNode;
}) {
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === "loading") return <Loading />;
  if (status === "signedOut" || !user)
    return (
      <Navigate
        to={signInPath}
        replace
        state={{ from: { pathname: location.pathname, search: location.search } }}
      />
    );
  if (roles !== undefined && !allowed(user.role, roles)) return <WrongRole roles={roles} />;
  return <>{children}</>;
}
