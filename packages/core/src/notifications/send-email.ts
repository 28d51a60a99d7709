import { emails } from "@bazaar/db";
import { eq, sql } from "drizzle-orm";
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
