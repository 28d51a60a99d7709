import { emails } from "@bazaar/db";
import { and, asc, eq, gt, lt } from "drizzle-orm";
import type { Deps } from "../platform/deps";

/** An email that failed this many sends is left for a person to look at. */
const MAX_SEND_ATTEMPTS = 10;
/** Older than this, an unsent email (an OTP, an order update) is no longer worth sending. */
const REDRIVE_WINDOW_MS = 2 * 24 * 3600_000;

/**
 * Re-enqueues outbox rows left pending (a crash, or Redis down at commit time). Run at
 * start and by the sweep; rows younger than `olderThanMs` may still have their job queued.
 */
export async function redrivePendingEmails(deps: Deps, olderThanMs = 60_000): Promise<number> {
  const now = deps.now().getTime();
  const rows = await deps.db
    .select({ id: emails.id })
    .from(emails)
    .where(
      and(
        eq(emails.status, "pending"),
        lt(emails.createdAt, new Date(now - olderThanMs)),
        gt(emails.createdAt, new Date(now - REDRIVE_WINDOW_MS)),
        lt(emails.attempts, MAX_SEND_ATTEMPTS),
      ),
    )
    .orderBy(asc(emails.createdAt))
    .limit(1000);
  for (const r of rows)
    await deps.jobs.enqueue("email.send", { emailId: r.id }, { dedupeKey: `email:${r.id}` });
  return rows.length;
}
