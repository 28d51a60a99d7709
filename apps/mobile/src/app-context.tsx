import { BazaarProvider, createQueryClient, useAuth } from "@bazaar/client";
import type { QueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useState, useSyncExternalStore } from "react";
import { trpcUrl } from "./config";
import { createMobileSession, isSessionRefused, type MobileSession } from "./session";
import { deviceStore } from "./storage";

const SessionContext = createContext<MobileSession | null>(null);

/**
 * The app's providers: one session (client + auth store) and the shared React Query client
 * from @bazaar/client. A call refused because the account was suspended ends the session
 * wherever it happens, so every screen lands on sign-in the same way.
 */
export function AppProviders(props: {
  children: ReactNode;
  session?: MobileSession;
  queryClient?: QueryClient;
}) {
  const [value] = useState(() => {
    const session = props.session ?? createMobileSession({ url: trpcUrl(), storage: deviceStore() });
    const queryClient = props.queryClient ?? createQueryClient();
    const onError = (error: unknown) => {
      if (session.auth.getState().status === "signedIn" && isSessionRefused(error)) void session.end(error);
    };
    queryClient.getQueryCache().config.onError = onError;
    queryClient.getMutationCache().config.onError = onError;
    return { session, queryClient };
  });
  useEffect(() => {
    // Whatever was cached belonged to the previous session.
    let last = value.session.auth.getState().status;
    return value.session.auth.subscribe(() => {
      const now = value.session.auth.getState().status;
      if (last === "signedIn" && now === "signedOut") value.queryClient.clear();
      last = now;
    });
  }, [value]);
  return (
    <SessionContext.Provider value={value.session}>
      <BazaarProvider client={value.session.client} auth={value.session.auth} queryClient={value.queryClient}>
        {props.children}
      </BazaarProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): MobileSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession must be used inside <AppProviders>");
  return session;
}

/** Re-renders when the session ends or adopts a sign-in. */
export function useSessionEnd() {
  const session = useSession();
  return useSyncExternalStore(session.subscribe, session.lastEnd, session.lastEnd);
}

export { useAuth };
