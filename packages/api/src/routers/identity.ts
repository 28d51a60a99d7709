import {
  changePassword,
  getMe,
  listSessions,
  login,
  logout,
  mergeGuestCart,
  refreshSession,
  register,
  requestPasswordReset,
  resendOtp,
  resetPassword,
  revokeSession,
  type SignedIn,
  updateProfile,
  verifyEmail,
} from "@bazaar/core";
import {
  type AuthResult,
  type CartMergeReport,
  ChangePasswordInput,
  LoginInput,
  LogoutInput,
  RefreshInput,
  RegisterInput,
  RequestPasswordResetInput,
  ResendOtpInput,
  ResetPasswordInput,
  RevokeSessionInput,
  UpdateProfileInput,
  VerifyEmailInput,
} from "@bazaar/schemas";
import type { Context } from "../context";
import { authedProcedure, publicProcedure } from "../trpc";

const origin = (ctx: Context) => ({ ip: ctx.http.ip, userAgent: ctx.http.userAgent });

/**
 * Web clients get the refresh token as an httpOnly cookie and never see it; mobile clients
 * get it in the body. A guest cart the client was holding joins the customer's cart, and
 * the response says what the merge did.
 */
async function deliver(ctx: Context, s: SignedIn): Promise<AuthResult> {
  const { refreshToken, sessionId: _, ...result } = s;
  let cartMerge: CartMergeReport | undefined;
  if (ctx.http.cartToken && s.user.role === "customer") {
    cartMerge = (await mergeGuestCart(ctx.deps, s.user.id, ctx.http.cartToken)) ?? undefined;
    ctx.http.clearCartCookie();
  }
  const out = cartMerge ? { ...result, cartMerge } : result;
  if (ctx.http.client === "mobile") return { ...out, refreshToken };
  ctx.http.setRefreshCookie(refreshToken, new Date(ctx.deps.now().getTime() + 30 * 24 * 3600 * 1000));
  return out;
}

export const identityRoutes = {
  /** Signing up, in and out, and resets, mounted at `auth`. */
  public: {
    register: publicProcedure
      .input(RegisterInput)
      .mutation(({ ctx, input }) => register(ctx.deps, origin(ctx), input)),
    verifyEmail: publicProcedure
      .input(VerifyEmailInput)
      .mutation(async ({ ctx, input }) => deliver(ctx, await verifyEmail(ctx.deps, origin(ctx), input))),
    resendOtp: publicProcedure.input(ResendOtpInput).mutation(({ ctx, input }) => resendOtp(ctx.deps, input)),
    login: publicProcedure
      .input(LoginInput)
      .mutation(async ({ ctx, input }) => deliver(ctx, await login(ctx.deps, origin(ctx), input))),
    refresh: publicProcedure.input(RefreshInput).mutation(async ({ ctx, input }) => {
      try {
        return deliver(
          ctx,
          await refreshSession(
            ctx.deps,
            origin(ctx),
            input?.refreshToken ?? ctx.http.refreshCookie ?? undefined,
          ),
        );
      } catch (error) {
        // A dead refresh cookie is useless to keep sending.
        ctx.http.clearRefreshCookie();
        throw error;
      }
    }),
    logout: publicProcedure.input(LogoutInput).mutation(async ({ ctx, input }) => {
      const refreshToken = input?.refreshToken ?? ctx.http.refreshCookie ?? undefined;
      ctx.http.clearRefreshCookie();
      return logout(ctx.deps, { refreshToken, accessToken: ctx.http.accessToken ?? undefined });
    }),
    requestPasswordReset: publicProcedure
      .input(RequestPasswordResetInput)
      .mutation(({ ctx, input }) => requestPasswordReset(ctx.deps, origin(ctx), input)),
    resetPassword: publicProcedure
      .input(ResetPasswordInput)
      .mutation(({ ctx, input }) => resetPassword(ctx.deps, origin(ctx), input)),
  },

  /** The signed-in account, whatever its role, also mounted at `auth`. */
  signedIn: {
    // Checks the session and reads the profile in one statement (core's getMe), so no
    // authedProcedure here: that would read the session a second time.
    me: publicProcedure.query(({ ctx }) => getMe(ctx.deps, ctx.http.accessToken)),
    updateProfile: authedProcedure
      .input(UpdateProfileInput)
      .mutation(({ ctx, input }) => updateProfile(ctx.deps, ctx.actor, input)),
    sessions: authedProcedure.query(({ ctx }) => listSessions(ctx.deps, ctx.actor)),
    revokeSession: authedProcedure
      .input(RevokeSessionInput)
      .mutation(({ ctx, input }) => revokeSession(ctx.deps, ctx.actor, input)),
    changePassword: authedProcedure
      .input(ChangePasswordInput)
      .mutation(({ ctx, input }) => changePassword(ctx.deps, ctx.actor, input, origin(ctx))),
  },
};
