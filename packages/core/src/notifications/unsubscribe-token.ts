import { createHmac, timingSafeEqual } from "node:crypto";
import { Id, NotificationCategory } from "@bazaar/schemas";
import { invalidField } from "../errors";
import type { Deps } from "../platform/deps";

type D = Pick<Deps, "auth" | "unsubscribe">;

/**
 * The key unsubscribe links are signed with: UNSUBSCRIBE_SECRET when configured, else one
 * derived from the auth secret (a different key, so a token of one kind can never pass as
 * the other).
 */
function key(deps: D): Buffer {
  if (deps.unsubscribe?.secret) return Buffer.from(deps.unsubscribe.secret);
  return createHmac("sha256", Buffer.from(deps.auth.secret)).update("bazaar:unsubscribe:v1").digest();
}

const sign = (deps: D, userId: string, category: string) =>
  createHmac("sha256", key(deps)).update(`unsubscribe:${userId}:${category}`).digest("base64url");

/**
 * A token that lets whoever holds it turn off one category of email for one user, without
 * signing in (RFC 8058 one-click). It grants nothing else and never expires: an old email's
 * link must keep working.
 */
export function unsubscribeToken(deps: D, userId: string, category: NotificationCategory): string {
  return `${userId}.${category}.${sign(deps, userId, category)}`;
}

export const badUnsubscribeToken = () =>
  invalidField("token", "unsubscribe.bad_token", "This unsubscribe link is not valid");

/** The user and category a token names, or a VALIDATION error naming `token`. */
export function readUnsubscribeToken(
  deps: D,
  token: string,
): { userId: string; category: NotificationCategory } {
  const [userId, category, mac, ...rest] = token.split(".");
  if (rest.length || !userId || !category || !mac) throw badUnsubscribeToken();
  if (!Id.safeParse(userId).success) throw badUnsubscribeToken();
  const cat = NotificationCategory.safeParse(category);
  if (!cat.success) throw badUnsubscribeToken();
  const expected = Buffer.from(sign(deps, userId, cat.data));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badUnsubscribeToken();
  return { userId, category: cat.data };
}

/** Where an email's unsubscribe link and List-Unsubscribe header point (the API's page). */
export function unsubscribeUrl(deps: D & Pick<Deps, "publicApiUrl">, token: string): string {
  return `${deps.publicApiUrl}/unsubscribe?token=${encodeURIComponent(token)}`;
}
