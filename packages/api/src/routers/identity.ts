import {
  changePassword,
  getMe,
  listSessions,
  login,
  logout,
  refreshSession,
  register,
  requestPasswordReset,
  resendOtp,
  resetPassword,
  revokeSession,
  updateProfile,
  verifyEmail,
} from "@bazaar/core";
import {
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
import { deliver, deliverSignIn, signInOrigin } from "../sign-in";
import { authedProcedure, publicProcedure } from "../trpc";

const origin = (ctx: Context) => ({ ip: ctx.http.ip, userAgent: ctx.http.userAgent });

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
      .mutation(async ({ ctx, input }) =>
        deliverSignIn(ctx, await login(ctx.deps, signInOrigin(ctx), input)),
      ),
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
