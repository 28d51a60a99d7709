import type { Deps } from "@bazaar/core";
import { currentTotpCodeByEmail } from "@bazaar/core/testing";
import type { LoginInput, SignedInResult, SignInResult, VerifySecondFactorInput } from "@bazaar/schemas";

type SignInCaller = {
  auth: {
    login(input: LoginInput): Promise<SignInResult>;
    verifySecondFactor(input: VerifySecondFactorInput): Promise<SignInResult>;
  };
};

/**
 * `auth.login` through the API and, when a second factor is owed (always for admins), the
 * `auth.verifySecondFactor` step with a current code (enrolling the account if it has no
 * factor yet), as a person with their authenticator app would.
 */
export async function signInViaApi(
  deps: Deps,
  caller: SignInCaller,
  input: LoginInput,
): Promise<SignedInResult> {
  const first = await caller.auth.login(input);
  if (first.status === "signed_in") return first;
  const code = await currentTotpCodeByEmail(deps, input.email);
  const second = await caller.auth.verifySecondFactor({ challengeToken: first.challengeToken, code });
  if (second.status !== "signed_in") throw new Error("the second factor did not sign in");
  return second;
}
