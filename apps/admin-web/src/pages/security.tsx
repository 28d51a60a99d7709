import { Page, TwoFactorSettings } from "@bazaar/ui";

/** Sign-in security: two-factor authentication and the devices that skip it (#16). */
export function SecurityPage() {
  return (
    <Page
      title="Sign-in security"
      description="A code from an authenticator app keeps your account safe even if your password leaks."
    >
      <TwoFactorSettings />
    </Page>
  );
}
