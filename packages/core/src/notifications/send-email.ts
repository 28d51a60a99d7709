import { emails } from "@bazaar/db";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import { notFound } from "../errors";
import type { Deps } from "../platform/deps";
import { type TemplateName, templates } from "./templates";

/**
 * Job handler for `email.send`. Idempotent: an email already sent is not sent again,
 * whether the job is retried or delivered twice. The Message-ID is derived from the row
 * id, so even the narrow crash-after-send window yields a duplicate receivers can drop.
 */
export async function sendEmail(deps: Deps, input: { emailId: string }): Promise<"sent" | "already_sent"> {
  const [row] = await deps.db.select().from(emails).where(eq(emails.id, input.emailId));
  if (!row) throw notFound("email.not_found", `No email ${input.emailId}`);
  if (row.status === "sent") return "already_sent";
  const render = templates[row.template as TemplateName];
  if (!render) throw notFound("email.unknown_template", `Unknown template ${row.template}`);
  const message = render(row.payload ?? {});
  try {
    const info = await deps.mailer.send({
      from: deps.mailFrom,
      to: row.to,
      ...message,
      messageId: `<${row.id}@bazaar>`,
    });
    await deps.db
      .update(emails)
      // The payload may hold an OTP or a reset link: it is not kept once delivered.
      .set({
        status: "sent",
        sentAt: deps.now(),
        subject: message.subject,
        messageId: info.messageId,
        payload: null,
        attempts: sql`${emails.attempts} + 1`,
        lastError: null,
      })
      .where(eq(emails.id, row.id));
    return "sent";
  } catch (error) {
    await deps.db
      .update(emails)
      .set({ attempts: sql`${emails.attempts} + 1`, lastError: String(error).slice(0, 500) })
      .where(eq(emails.id, row.id));
    throw error;
  }
}

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
