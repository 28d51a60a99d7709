import type { SignInProvidersDto } from "@bazaar/schemas";
import type { Deps } from "../platform/deps";

/**
 * Which outside sign-ins are on, for the web apps to show their buttons: they learn the
 * Google client id here at run time, so one build serves any deployment.
 */
export function signInProviders(deps: Pick<Deps, "google">): SignInProvidersDto {
  return { google: deps.google ? { clientId: deps.google.clientId } : null };
}
