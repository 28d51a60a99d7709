import { users } from "@bazaar/db";
import { type NotificationCategory, UnsubscribeTokenInput } from "@bazaar/schemas";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Deps } from "../platform/deps";
import { readPreferences, writePreferences } from "./preferences";
import { esc } from "./template-kit";
import { badUnsubscribeToken, readUnsubscribeToken } from "./unsubscribe-token";

type D = Pick<Deps, "db" | "auth" | "unsubscribe" | "now">;

/** A link's token, or the same "not valid" answer as a forged one (an empty or garbled link). */
function tokenOf(raw: z.input<typeof UnsubscribeTokenInput>): string {
  const parsed = UnsubscribeTokenInput.safeParse(raw);
  if (!parsed.success) throw badUnsubscribeToken();
  return parsed.data.token;
}

/**
 * What an unsubscribe link names, without changing anything (the confirm page, GET).
 * A link for a deleted account reads as invalid.
 */
export async function checkUnsubscribe(
  deps: D,
  raw: z.input<typeof UnsubscribeTokenInput>,
): Promise<{ category: NotificationCategory; email: string; subscribed: boolean }> {
  const token = tokenOf(raw);
  const { userId, category } = readUnsubscribeToken(deps, token);
  const [u] = await deps.db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!u) throw badUnsubscribeToken();
  const prefs = await readPreferences(deps.db, userId);
  return { category, email: u.email, subscribed: prefs.items.find((p) => p.category === category)!.email };
}

/**
 * One-click unsubscribe (RFC 8058 POST): turns off the token's category of email for its
 * user, no sign-in needed. Idempotent: a second click answers the same. In-app
 * notifications and security emails are not touched.
 */
export async function unsubscribe(
  deps: D,
  raw: z.input<typeof UnsubscribeTokenInput>,
): Promise<{ category: NotificationCategory }> {
  const token = tokenOf(raw);
  const { userId, category } = readUnsubscribeToken(deps, token);
  const [u] = await deps.db.select({ id: users.id }).from(users).where(eq(users.id, userId));
  if (!u) throw badUnsubscribeToken();
  await writePreferences(deps.db, userId, [{ category, email: false }], deps.now());
  return { category };
}

/**
 * The page the link opens. GET only confirms (mail scanners follow links; a GET must not
 * unsubscribe anyone); the form POSTs back to the same URL.
 */
export function renderUnsubscribePage(
  state:
    | { kind: "confirm"; category: string; email: string; action: string }
    | { kind: "done"; category: string }
    | { kind: "invalid"; message: string },
): string {
  const body =
    state.kind === "confirm"
      ? `<h1>Unsubscribe from ${esc(state.category)} emails?</h1>
<p>${esc(state.email)} will stop getting ${esc(state.category)} emails from Bazaar. Security emails (sign-in codes, password resets) are always sent.</p>
<form method="post" action="${esc(state.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`
      : state.kind === "done"
        ? `<h1>You are unsubscribed</h1><p>You will no longer get ${esc(state.category)} emails from Bazaar. You can turn them back on in your notification settings.</p>`
        : `<h1>This link does not work</h1><p>${esc(state.message)}</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Bazaar · Unsubscribe</title></head><body style="font-family:system-ui,sans-serif;max-width:560px;margin:40px auto;padding:0 16px;color:#111">${body}</body></html>`;
}
