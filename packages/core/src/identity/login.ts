import { LoginInput } from "@bazaar/schemas";
import { forbidden, unauthorized } from "../errors";
import type { Deps, Origin } from "../platform/deps";
import { completeSignIn, type SignInOutcome } from "./complete-sign-in";
import { dummyPasswordHash, verifyPassword } from "./credentials";
import { findUserByEmail } from "./queries";

const badCredentials = () => unauthorized("auth.invalid_credentials", "Email or password is wrong");

export async function login(deps: Deps, origin: Origin, raw: LoginInput): Promise<SignInOutcome> {
  const input = LoginInput.parse(raw);
  if (origin.ip) await deps.limiter.consume("login.ip", origin.ip);
  await deps.limiter.consume("login.account", input.email);

  const user = await findUserByEmail(deps.db, input.email);
  const ok = await verifyPassword(
    input.password,
    user?.passwordHash ?? (await dummyPasswordHash(deps.auth.bcryptCost)),
  );
  if (!user || !ok) throw badCredentials();
  // Only someone who knows the password learns the account's state.
  if (!user.emailVerifiedAt)
    throw forbidden("auth.email_not_verified", "Verify your email before signing in");
  if (user.status === "suspended") throw forbidden("auth.account_suspended", "This account is suspended");
  if (user.status === "deactivated")
    throw forbidden("auth.account_deactivated", "This account is deactivated");

  await deps.limiter.reset("login.account", input.email);
  return completeSignIn(deps, user, origin, "password");
}
