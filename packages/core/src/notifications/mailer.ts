import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Transporter, TransportOptions } from "nodemailer";
import type { Log } from "../platform/log";
import type { Mailer } from "../platform/mailer";

/**
 * A nodemailer transport made at the first email, nodemailer loaded with it: the API process
 * with a worker beside it never sends one, and need not carry the module (~4 MB of RSS).
 */
function lazyTransport(options: TransportOptions | Record<string, unknown>) {
  let transport: Promise<Transporter> | undefined;
  return {
    get: () => {
      transport ??= import("nodemailer").then((m) => m.default.createTransport(options as TransportOptions));
      return transport;
    },
    /** Closes the transport if one was made. */
    close: async () => void (transport && (await transport).close()),
  };
}

/** Real SMTP through nodemailer (smtp:// or smtps:// URL with credentials). */
export function createSmtpMailer(url: string, options: { ignoreTLS?: boolean } = {}): Mailer {
  // nodemailer reads host, port and credentials from `url`; the rest are SMTP options.
  const transport = lazyTransport({ url, ignoreTLS: options.ignoreTLS ?? false });
  return {
    async send(m) {
      const info = await (await transport.get()).sendMail(m);
      return { messageId: info.messageId };
    },
    close: transport.close,
  };
}

/**
 * Embedded default: each email is rendered to a real RFC 822 message by nodemailer and
 * written as an .eml file under DATA_DIR/outbox, so a developer can open it (or a test
 * can read it) without any mail server.
 */
export function createOutboxMailer(dir: string, log?: Log): Mailer {
  mkdirSync(dir, { recursive: true });
  const transport = lazyTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(m) {
      const info = await (await transport.get()).sendMail(m);
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
