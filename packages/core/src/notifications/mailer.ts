import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer, { type TransportOptions } from "nodemailer";
import type { Log } from "../platform/log";
import type { Mailer } from "../platform/mailer";

/** Real SMTP through nodemailer (smtp:// or smtps:// URL with credentials). */
export function createSmtpMailer(url: string, options: { ignoreTLS?: boolean } = {}): Mailer {
  // nodemailer reads host, port and credentials from `url`; the rest are SMTP options.
  const transport = nodemailer.createTransport({
    url,
    ignoreTLS: options.ignoreTLS ?? false,
  } as TransportOptions);
  return {
    async send(m) {
      const info = await transport.sendMail(m);
      return { messageId: info.messageId };
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * Embedded default: each email is rendered to a real RFC 822 message by nodemailer and
 * written as an .eml file under DATA_DIR/outbox, so a developer can open it (or a test
 * can read it) without any mail server.
 */
export function createOutboxMailer(dir: string, log?: Log): Mailer {
  mkdirSync(dir, { recursive: true });
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(m) {
      const info = await transport.sendMail(m);
      const safeTo = m.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
      const file = join(
        dir,
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${safeTo}-${m.messageId.replace(/[<>@]/g, "")}.eml`,
      );
      writeFileSync(file, info.message as Buffer);
      log?.info({ to: m.to, subject: m.subject, file }, "email written to outbox");
      return { messageId: m.messageId };
    },
    async close() {},
  };
}
