import type { AppRouter } from "@bazaar/api/client";
import type {
  AuthResult,
  ConfirmChallengeEnrolmentInput,
  LoginInput,
  SignInResult,
  UserDto,
  VerifySecondFactorInput,
} from "@bazaar/schemas";
import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
} from "react";
import type { AuthStatus, AuthStore } from "./auth-store";
import { type BazaarClient, createBazaarSession, isUnauthorizedError } from "./create-client";

const trpcContext = createTRPCContext<AppRouter>();
/** Query and mutation option factories: `useQuery(useTRPC().auth.me.queryOptions())`. */
export const useTRPC = trpcContext.useTRPC;
/** The plain client, for imperative calls. */
export const useTRPCClient = trpcContext.useTRPCClient;

const AuthContext = createContext<AuthStore | null>(null);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // 4xx answers will not change by asking again.
        retry: (failures, error) => {
          const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus;
          return failures < 2 && !(status && status >= 400 && status < 500);
        },
      },
      mutations: { retry: false },
    },
  });
}

export type BazaarProviderProps = {
  children: ReactNode;
  /** tRPC endpoint; defaults to `/trpc` (proxied by Vite in dev and preview). */
  url?: string;
  /** Injected for tests or for a custom setup; created once otherwise. */
  client?: BazaarClient;
  auth?: AuthStore;
  queryClient?: QueryClient;
};

/** React Query + tRPC + auth for one app. On mount it tries the refresh cookie once. */
export function BazaarProvider(props: BazaarProviderProps) {
  const [value] = useState(() => {
    const session =
      props.client && props.auth
        ? { client: props.client, auth: props.auth }
        : createBazaarSession({ url: props.url ?? "/trpc" });
    return { ...session, queryClient: props.queryClient ?? createQueryClient() };
  });

  useEffect(() => {
    void value.auth.init();
  }, [value.auth]);

  return (
    <QueryClientProvider client={value.queryClient}>
      <trpcContext.TRPCProvider trpcClient={value.client} queryClient={value.queryClient}>
        <AuthContext.Provider value={value.auth}>{props.children}</AuthContext.Provider>
      </trpcContext.TRPCProvider>
    </QueryClientProvider>
  );
}

export function useAuthStore(): AuthStore {
  const store = useContext(AuthContext);
  if (!store) throw new Error("useAuth must be used inside <BazaarProvider>");
  return store;
}

export type UseAuth = {
  status: AuthStatus;
  user: UserDto | null;
  /**
   * Signs in with email and password; rejects with the API error (use toFormError). When the
   * account has a second factor (admins always) the answer is a challenge and no one is
   * signed in yet: finish with `verifySecondFactor` (or `confirmEnrolment`).
   */
  login(input: LoginInput): Promise<SignInResult>;
  /** The second step of a sign-in: a code from the app or a recovery code. */
  verifySecondFactor(input: VerifySecondFactorInput): Promise<SignInResult>;
  /** An admin's first sign-in: confirms the authenticator just set up, and signs in. */
  confirmEnrolment(input: ConfirmChallengeEnrolmentInput): Promise<SignInResult>;
  /** Ends the session on the server (clears the cookie) and forgets everything cached. */
  logout(): Promise<void>;
  /** Adopts an AuthResult from another call (verifyEmail, a future OAuth flow). */
  setSession(result: AuthResult): void;
  setUser(user: UserDto): void;
};

export function useAuth(): UseAuth {
  const store = useAuthStore();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);

  const setSession = useCallback(
    (result: AuthResult) => {
      queryClient.clear();
      store.setSession(result);
    },
    [store, queryClient],
  );
  const adopt = useCallback(
    (result: SignInResult) => {
      if (result.status === "signed_in") setSession(result);
      return result;
    },
    [setSession],
  );
  const login = useCallback(
    async (input: LoginInput) => adopt(await client.auth.login.mutate(input)),
    [client, adopt],
  );
  const verifySecondFactor = useCallback(
    async (input: VerifySecondFactorInput) => adopt(await client.auth.verifySecondFactor.mutate(input)),
    [client, adopt],
  );
  const confirmEnrolment = useCallback(
    async (input: ConfirmChallengeEnrolmentInput) =>
      adopt(await client.auth.confirmChallengeEnrolment.mutate(input)),
    [client, adopt],
  );
  const logout = useCallback(async () => {
    try {
      await client.auth.logout.mutate();
    } catch (error) {
      // Signing out locally still matters when the server is unreachable.
      if (!isUnauthorizedError(error)) console.warn("logout failed", error);
    } finally {
      store.clear();
      queryClient.clear();
    }
  }, [client, store, queryClient]);

  return {
    status: state.status,
    user: state.user,
    login,
    verifySecondFactor,
    confirmEnrolment,
    logout,
    setSession,
    setUser: store.setUser,
  };
}
