import { type FormError, toFormError, useAuth, useTRPC, useTRPCClient } from "@bazaar/client";
import type { AuthResult, Role, SecondFactorChallenge } from "@bazaar/schemas";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { Alert, ErrorAlert } from "./form";
import { googleClientId, loadGoogleIdentity } from "./google-identity";

type GoogleSignInProps = {
  /** `admin` from the admin app: the server then never creates an account. */
  role?: Role;
  /** The sign-up page asks Google for "Sign up with Google". */
  context?: "signin" | "signup";
  /** Called with the session once signed in (a cart merge report), after it is adopted. */
  onSignedIn?: (result: AuthResult) => void;
  /** Google was the first factor and a second one is owed: continue as after a password. */
  onChallenge?: (challenge: SecondFactorChallenge) => void;
};

/**
 * "Sign in with Google", shown only when the server says Google sign-in is on (the client id
 * comes from `auth.providers`, so no build-time setting). Google's own button is drawn by
 * Google Identity Services, loaded from Google when this renders; its ID token goes to
 * `auth.signInWithGoogle`, and the answer continues like a password sign-in.
 */
export function GoogleSignIn({ role, context = "signin", onSignedIn, onChallenge }: GoogleSignInProps) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { setSession } = useAuth();
  // Whether Google is on changes only with the server's configuration.
  const providers = useQuery({ ...trpc.auth.providers.queryOptions(), staleTime: 10 * 60_000 });
  const clientId = googleClientId(providers.data);
  const slot = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  // The latest props and hooks, read when Google calls back: the button is drawn once per client id.
  const latest = useRef({ role, onSignedIn, onChallenge, setSession, client });
  latest.current = { role, onSignedIn, onChallenge, setSession, client };

  useEffect(() => {
    if (!clientId) return;
    let gone = false;
    const signIn = async (idToken: string | undefined) => {
      if (!idToken) return;
      const { role, onSignedIn, onChallenge, setSession, client } = latest.current;
      setPending(true);
      setError(null);
      setNotice(null);
      try {
        const result = await client.auth.signInWithGoogle.mutate({ idToken, ...(role && { role }) });
        if (result.status === "second_factor_required") {
          if (onChallenge) onChallenge(result);
          else
            setNotice(
              "This account also needs a code from your authenticator app: sign in with your password.",
            );
          return;
        }
        setSession(result);
        onSignedIn?.(result);
      } catch (e) {
        setError(toFormError(e));
      } finally {
        if (!gone) setPending(false);
      }
    };
    loadGoogleIdentity()
      .then((gis) => {
        if (gone || !slot.current) return;
        gis.initialize({
          client_id: clientId,
          callback: (response) => void signIn(response.credential),
          ux_mode: "popup",
          auto_select: false,
          cancel_on_tap_outside: true,
          context,
        });
        gis.renderButton(slot.current, {
          type: "standard",
          theme: "outline",
          size: "large",
          text: context === "signup" ? "signup_with" : "signin_with",
          shape: "rectangular",
          logo_alignment: "left",
          width: Math.min(400, Math.max(200, slot.current.clientWidth || 320)),
        });
      })
      .catch(() => {
        if (!gone) setUnavailable(true);
      });
    return () => {
      gone = true;
    };
  }, [clientId, context]);

  if (!clientId) return null;
  return (
    <div className="bz-oauth" data-testid="google-sign-in">
      <p className="bz-oauth__or">or</p>
      <ErrorAlert error={error} />
      {notice && <Alert tone="warning">{notice}</Alert>}
      {unavailable ? (
        <p className="bz-muted">
          Sign in with Google is unavailable right now (Google could not be reached).
        </p>
      ) : (
        <div ref={slot} className="bz-oauth__button" aria-busy={pending} />
      )}
      {pending && (
        <p className="bz-muted" role="status">
          Signing in with Google…
        </p>
      )}
    </div>
  );
}
