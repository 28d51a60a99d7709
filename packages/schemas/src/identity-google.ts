import { z } from "zod";
import { Id, safeText } from "./common";
import { Role } from "./identity";

/**
 * "Sign in with Google": the ID token Google Identity Services gave the browser, and the
 * app's audience (`admin` from the admin app, where no new account is ever created).
 */
export const GoogleSignInInput = z.object({
  idToken: safeText("ID token")
    .min(1, "ID token is required")
    .max(4096, "ID token is too long")
    .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, "ID token is not a JWT"),
  role: Role.optional(),
});
export type GoogleSignInInput = z.input<typeof GoogleSignInInput>;

/**
 * Which outside sign-ins this server offers; the web apps show a button only for these.
 * `google.clientId` is public (it is in every Google sign-in page).
 */
export type SignInProvidersDto = { google: { clientId: string } | null };

/** An outside account linked to the signed-in user. */
export type LinkedIdentityDto = {
  id: string;
  provider: "google";
  email: string;
  createdAt: Date;
  lastUsedAt: Date;
};

export const UnlinkIdentityInput = z.object({ id: Id });
export type UnlinkIdentityInput = z.input<typeof UnlinkIdentityInput>;
