import type { AuthResult } from "@bazaar/schemas";
import { router } from "expo-router";
import type { MobileSession } from "./session";

/**
 * Adopts a sign-in and moves on: to the cart when the guest cart was merged into it (the
 * cart says what happened), else where the customer was going.
 */
export async function afterSignIn(session: MobileSession, result: AuthResult, next?: string) {
  await session.adopt(result);
  const merged = result.cartMerge && result.cartMerge.linesAdded + result.cartMerge.linesCombined > 0;
  if (router.canDismiss()) router.dismissAll();
  if (merged) router.replace("/cart");
  else router.replace((next as "/") || "/account");
}
