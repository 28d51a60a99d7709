import type { users } from "@bazaar/db";
import type { Deps, Origin } from "../platform/deps";
import { type SignedIn, startSession } from "./sessions";

/** How the first factor was passed; a second factor, when owed, is asked for the same way after either. */
export type FirstFactor = "password" | "google";

/**
 * Where every first factor ends, so a second factor cannot be skipped by signing in another way:
 * password and Google sign-in both come through here for their session.
 */
export async function completeSignIn(
  deps: Deps,
  user: typeof users.$inferSelect,
  origin: Origin,
  _method: FirstFactor,
): Promise<SignedIn> {
  return deps.db.transaction((tx) => startSession(deps, tx, user, origin));
}
