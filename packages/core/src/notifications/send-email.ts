import { emails, notificationPreferences, users } from "@bazaar/db";
import { and, eq, sql } from "drizzle-orm";
import { notFound } from "../errors";
import type { Deps } from "../platform/deps";
import { emailCategory } from "./email-categories";
import { type TemplateName, templates } from "./templates";
import { withUnsubscribe } from "./unsubscribe-footer";

/**
 * Job handler for `email.send`. Idempotent: an email already sent is not sent again,
 * whether the job is retried or delivered twice. The Message-ID is derived from the row
 * id, so even the narrow crash-after-send window yields a duplicate receivers can drop.
 */
export async function sendEmail(
  deps: Deps,
  input: { emailId: string },
): Promise<"sent" | "already_sent" | "skipped"> {
  const [row] = await deps.db.select().from(emails).where(eq(emails.id, input.emailId));
  if (!row) throw notFound("email.not_found", `No email ${input.emailId}`);
  if (row.status === "sent") return "already_sent";
  if (row.status === "skipped") return "skipped";
  const render = templates[row.template as TemplateName];
  if (!render) throw notFound("email.unknown_template", `Unknown template ${row.template}`);
  // The recipient's email switch is read here, at send time, so the request that queued the
  // email pays nothing for it and a switch turned off meanwhile is still honoured.
  const category = emailCategory(row.template);
  const recipient = category === "security" ? null : await recipientOf(deps, row.to, category);
  if (recipient?.emailOff) {
    await deps.db
      .update(emails)
      .set({ status: "skipped", payload: null, lastError: `skipped: ${category} email turned off` })
      .where(eq(emails.id, row.id));
    return "skipped";
  }
  const rendered = render(row.payload ?? {});
  const message =
    recipient && category !== "security"
      ? withUnsubscribe(deps, rendered, recipient.userId, category)
      : rendered;
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

/** The account an address belongs to and whether it turned this category's email off. */
async function recipientOf(deps: Deps, to: string, category: string) {
  const [u] = await deps.db
    .select({ userId: users.id, email: notificationPreferences.email })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.category, category)),
    )
    .where(eq(users.email, to));
  return u ? { userId: u.userId, emailOff: u.email === false } : null;
}
