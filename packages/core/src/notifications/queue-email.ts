import { type Database, emails } from "@bazaar/db";
import type { Deps } from "../platform/deps";
import type { TemplateName } from "./templates";

/**
 * Writes the email to the outbox inside the caller's transaction. Nothing is sent yet:
 * call `dispatchEmails` with the returned ids once the transaction has committed, so no
 * email ever goes out for a change that rolled back.
 */
export async function queueEmail(
  db: Database,
  email: { to: string; template: TemplateName; payload: Record<string, unknown> },
): Promise<string> {
  const [row] = await db.insert(emails).values(email).returning({ id: emails.id });
  return row!.id;
}

export async function dispatchEmails(deps: Pick<Deps, "jobs" | "log">, ids: string[]): Promise<void> {
  // Enqueued together: on BullMQ their commands share round trips.
  await Promise.all(
    ids.map((emailId) =>
      deps.jobs.enqueue("email.send", { emailId }, { dedupeKey: `email:${emailId}` }).catch((err) => {
        // The row stays 'pending'; redrivePendingEmails picks it up when the worker starts.
        deps.log.error({ err, emailId }, "could not enqueue email; it stays pending in the outbox");
      }),
    ),
  );
}
