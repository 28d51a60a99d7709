import { RevokeSessionInput } from "@bazaar/schemas";
import { notFound } from "../errors";
import type { Actor, Deps } from "../platform/deps";
import { revokeSessions } from "./sessions";

/** Signs out one of the caller's own devices; someone else's session id is simply not found. */
export async function revokeSession(
  deps: Deps,
  actor: Actor,
  raw: RevokeSessionInput,
): Promise<{ ok: true }> {
  const input = RevokeSessionInput.parse(raw);
  const n = await revokeSessions(
    deps.db,
    { userId: actor.userId, sessionId: input.sessionId },
    "revoked_by_user",
    deps.now(),
  );
  if (n === 0) throw notFound("session.not_found", "No such active session");
  return { ok: true };
}
