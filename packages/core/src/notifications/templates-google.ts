import { both, type P, type Rendered, str } from "./template-kit";

/**
 * Emails of "Sign in with Google". A link is security mail (always sent, see
 * email-categories): it is a new way into the account, and its owner must hear of it.
 */
export const googleTemplates = {
  // payload { name, googleEmail, passwordCleared: "yes" | "", resetUrl, accountUrl }
  google_linked: (p: P): Rendered =>
    both(
      "Google was linked to your Bazaar account",
      "Google was linked to your account",
      [
        `Hi ${str(p, "name")},`,
        `The Google account ${str(p, "googleEmail")} was just used to sign in to your Bazaar account, and can sign you in from now on.`,
        ...(str(p, "passwordCleared")
          ? [
              "This address had been signed up for with a password but never confirmed. Google confirmed it is yours, so that password was cleared: it may not have been set by you. To sign in with a password too, choose one here: " +
                str(p, "resetUrl"),
            ]
          : []),
        "If this was not you, reset your password now, sign out your other devices under Account → Devices and remove the link under Account → Linked accounts.",
      ],
      { label: "Review your account", url: str(p, "accountUrl") },
    ),
};
