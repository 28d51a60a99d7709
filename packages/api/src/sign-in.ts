import { mergeGuestCart, type SignedIn, type SignInOutcome } from "@bazaar/core";
import type { AuthResult, CartMergeReport, SignInResult } from "@bazaar/schemas";
import type { Context } from "./context";

/** Who is signing in from where, with the remembered-device token the client holds, if any. */
export const signInOrigin = (ctx: Context) => ({
  ip: ctx.http.ip,
  userAgent: ctx.http.userAgent,
  trustedDevice: ctx.http.trustedDeviceToken ?? null,
});

/**
 * Web clients get the refresh token as an httpOnly cookie and never see it; mobile clients
 * get it in the body. A guest cart the client was holding joins the customer's cart, and
 * the response says what the merge did.
 */
export async function deliver(ctx: Context, s: SignedIn): Promise<AuthResult> {
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

/**
 * What every sign-in procedure (password, Google, second factor) answers: a session
 * delivered as `deliver` does, or a second-factor challenge, which carries no session at all
 * (no cookie is set). A remembered device's token goes in an httpOnly cookie on the web and
 * in the body for mobile clients.
 */
export async function deliverSignIn(ctx: Context, outcome: SignInOutcome): Promise<SignInResult> {
  if (outcome.status === "second_factor_required") return outcome;
  const { status, trustedDevice, recoveryCodes, ...signedIn } = outcome;
  const result = await deliver(ctx, signedIn);
  let trustedDeviceToken: string | undefined;
  if (trustedDevice) {
    if (ctx.http.client === "mobile") trustedDeviceToken = trustedDevice.token;
    else ctx.http.setTrustedDeviceCookie?.(trustedDevice.token, trustedDevice.expiresAt);
  }
  return {
    ...result,
    status,
    ...(trustedDeviceToken ? { trustedDeviceToken } : {}),
    ...(recoveryCodes ? { recoveryCodes } : {}),
  };
}
