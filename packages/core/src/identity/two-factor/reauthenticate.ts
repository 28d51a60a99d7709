import { type Database, totpFactors, type users } from "@bazaar/db";
import { and, eq, isNotNull } from "drizzle-orm";
import { invalidField, invalidState } from "../../errors";
import type { Deps } from "../../platform/deps";
import { verifyPassword } from "../credentials";
import { acceptTotpCode } from "./totp";

/**
 * Proof that the person at a signed-in session is the account's owner before its second
 * factor is weakened: the password or a current code (each code once). Counted against the
 * account's second-factor limit, so a stolen session cannot guess either.
 */
export async function reauthenticate(
  deps: Pick<Deps, "auth" | "now" | "limiter">,
  db: Database,
  user: typeof users.$inferSelect,
  input: { password?: string; code?: string },
) {
  await deps.limiter.consume("two_factor.account", user.id);
  const [factor] = await db
    .select()
    .from(totpFactors)
    .where(and(eq(totpFactors.userId, user.id), isNotNull(totpFactors.confirmedAt)));
  if (!factor) throw invalidState("two_factor.not_enabled", "Two-factor authentication is not on");
  if (input.code !== undefined) {
    if (!(await acceptTotpCode(deps, db, factor, input.code, deps.now())))
      throw invalidField("code", "auth.second_factor_invalid", "That code is wrong or was already used");
  } else if (!(await verifyPassword(input.password ?? "", user.passwordHash))) {
    throw invalidField("password", "auth.wrong_password", "Password is wrong");
  }
  await deps.limiter.reset("two_factor.account", user.id);
}
