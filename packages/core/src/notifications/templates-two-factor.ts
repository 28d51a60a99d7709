import { both, type P, type Rendered, str } from "./template-kit";

/**
 * Security emails of two-factor authentication (#16): always sent (not in any preference
 * category), so a change made by someone else does not go unnoticed.
 */
export const twoFactorTemplates = {
  two_factor_enabled: (p: P): Rendered =>
    both(
      "Two-factor authentication is on",
      "Two-factor authentication is on",
      [
        `Hi ${str(p, "name")},`,
        "Signing in to your Bazaar account now also needs a code from your authenticator app.",
        "Keep your recovery codes somewhere safe: each one signs you in once if you lose your phone.",
        "If this was not you, reset your password and contact us.",
      ],
      { label: "Sign-in security", url: str(p, "url") },
    ),
  two_factor_disabled: (p: P): Rendered =>
    both(
      "Two-factor authentication was turned off",
      "Two-factor authentication is off",
      [
        `Hi ${str(p, "name")},`,
        "Signing in to your Bazaar account no longer needs a code from your authenticator app, and remembered devices were forgotten.",
        "If this was not you, reset your password now and turn it back on.",
      ],
      { label: "Sign-in security", url: str(p, "url") },
    ),
  two_factor_recovery_code_used: (p: P): Rendered =>
    both(
      "A recovery code was used to sign in",
      "A recovery code was used",
      [
        `Hi ${str(p, "name")},`,
        `Someone signed in to your Bazaar account with one of your recovery codes${str(p, "ip") ? ` from ${str(p, "ip")}` : ""}. ${str(p, "left")} codes are left.`,
        "If this was not you, reset your password and make new recovery codes now.",
      ],
      { label: "Sign-in security", url: str(p, "url") },
    ),
};
