import type { Database } from "@bazaar/db";
import { sql } from "drizzle-orm";
import { type NewNotification, notificationsInsert, notificationsJson, notifiedOf } from "../notifications";
import { type Effects, userEmailsInsert, userEmailsValues } from "../orders";
import { preparedStatement } from "../platform/prepared";
import { type WebhookEmit, webhookEventsJson, webhookOutboxInsert } from "../webhooks";

type Emails = Parameters<typeof userEmailsValues>[0];

/**
 * What a new order tells the world, written in the order's transaction in one statement: the
 * emails to the outbox (rendered later by the email job), the in-app notifications and the
 * outbound webhook events. Each domain owns its insert (orders' emails, notifications' rows
 * with the recipient's in-app switch, webhooks' fan-out to subscribed endpoints); checkout
 * only sends them together, two round trips fewer per order than one statement each. The
 * email ids and notification rows land in `fx` for release after commit.
 */
export async function writeOrderNotices(
  tx: Database,
  fx: Effects,
  n: { emails: Emails; notices: NewNotification[]; events: WebhookEmit[] },
): Promise<void> {
  const emails = userEmailsValues(n.emails);
  const [row] = await writeNotices(tx, {
    emails: emails.json,
    users: emails.users,
    notices: notificationsJson(n.notices),
    events: webhookEventsJson(n.events),
  });
  fx.emails.push(...row!.emails);
  fx.notified.push(notifiedOf(row!.notified));
}

const writeNotices = preparedStatement<
  { emails: string[]; notified: Parameters<typeof notifiedOf>[0] },
  { emails: string; users: string; notices: string; events: string }
>(
  "checkout_write_notices",
  () => sql`with em as (${userEmailsInsert(sql`${sql.placeholder("emails")}`, sql`${sql.placeholder("users")}`)}),
      nt as (${notificationsInsert(sql`${sql.placeholder("notices")}`)}),
      wh as (${webhookOutboxInsert(sql`${sql.placeholder("events")}`)})
    select (select coalesce(json_agg(em.id), '[]') from em) as emails,
      (select coalesce(json_agg(nt), '[]') from nt) as notified`,
);
