import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DbHandle, emails } from "@bazaar/db";
import { createTestDb } from "@bazaar/db/testing";
import { createInProcessQueue } from "@bazaar/jobs";
import { asc, inArray } from "drizzle-orm";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";
import { DomainError, isDomainError } from "../errors";
import { jobHandlers } from "../jobs";
import { createLocalMediaStore } from "../media";
import { createSmtpMailer } from "../notifications";
import { createDevGateway } from "../payments";
import { createMemoryCache } from "../platform/cache";
import type { Deps } from "../platform/deps";
import { createMemoryLive } from "../platform/live";
import type { PaymentGateway, StripeGateway } from "../platform/payment-gateway";
import { createRateLimiter, type Limits } from "../platform/rate-limit";
import type { Runtime } from "../runtime";

export type ReceivedEmail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  /** Every header, names lower-cased (e.g. `list-unsubscribe`). */
  headers: Record<string, string>;
};

/** Which of the emails to an address a test means: the subject, or text it must contain. */
export type EmailMatch = { subject?: string | RegExp; text?: RegExp };

/**
 * A real SMTP server in this process: the mailer under test speaks SMTP to it through
 * nodemailer, and tests read what arrived. No mock stands in for email.
 */
export async function startSmtpServer() {
  const received: ReceivedEmail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const parsed = await PostalMime.parse(Buffer.concat(chunks));
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(","),
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: parsed.html ?? "",
          messageId: parsed.messageId ?? "",
          headers: Object.fromEntries(parsed.headers.map((h) => [h.key.toLowerCase(), h.value])),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

/** Real database, real SMTP, in-process jobs and a controllable clock, for one test file. */
export async function createTestContext(
  options: {
    limits?: Partial<Limits>;
    payments?: PaymentGateway;
    /** Stripe as the second gateway (an adapter pointed at a stripe stub). */
    stripe?: StripeGateway;
    /** A database someone else owns (a server process under test): used, not closed. */
    db?: DbHandle;
  } = {},
) {
  const db = options.db ?? (await createTestDb());
  const smtp = await startSmtpServer();
  const mailer = createSmtpMailer(smtp.url, { ignoreTLS: true });
  const mediaDir = mkdtempSync(join(tmpdir(), "bazaar-media-"));
  let offsetMs = 0;
  const deps: Deps = {
    db: db.db,
    jobs: { enqueue: async () => {} },
    now: () => new Date(Date.now() + offsetMs),
    mailer,
    mediaStore: createLocalMediaStore(mediaDir, "http://api.test/media"),
    limiter: createRateLimiter({ limits: options.limits, prefix: `t${Math.random()}` }),
    cache: createMemoryCache(),
    log: { debug() {}, info() {}, warn() {}, error() {} },
    auth: { secret: new TextEncoder().encode("test-secret-test-secret-test-secret!"), bcryptCost: 4 },
    urls: { customer: "http://customer.test", seller: "http://seller.test", admin: "http://admin.test" },
    mailFrom: "Bazaar <no-reply@bazaar.test>",
    payments:
      options.payments ??
      createDevGateway({
        serverSecret: "test-secret-test-secret-test-secret!",
        now: () => new Date(Date.now() + offsetMs),
      }),
    ...(options.stripe && { stripe: options.stripe }),
    live: createMemoryLive(),
    orders: { paymentTimeoutMs: 30 * 60_000, reconcileAfterMs: 15 * 60_000 },
    sweepGraceMs: 60_000,
    liveRecheckMs: 30_000,
    publicApiUrl: "http://api.test",
  };
  const queue = createInProcessQueue({
    handlers: jobHandlers(deps),
    isPermanent: isDomainError,
    backoffMs: 10,
  });
  deps.jobs = queue;

  /**
   * Every email to an address once queued jobs have run, oldest first in the order they were
   * written to the outbox. Emails sent by separate jobs reach the SMTP server in either order,
   * so the order they arrived in says nothing about which is newer; the Message-ID names the
   * outbox row. (Emails written in one transaction share a time; their order is arbitrary.)
   */
  const emailsTo = async (to: string): Promise<ReceivedEmail[]> => {
    await queue.drain();
    const mail = smtp.received.filter((m) => m.to === to);
    const rowId = (m: ReceivedEmail) => /^<?([0-9a-f-]{36})@bazaar>?$/.exec(m.messageId)?.[1];
    const ids = mail.map(rowId).filter((id): id is string => id !== undefined);
    const rows = ids.length
      ? await db.db
          .select({ id: emails.id })
          .from(emails)
          .where(inArray(emails.id, ids))
          .orderBy(asc(emails.createdAt), asc(emails.id))
      : [];
    const rank = new Map(rows.map((r, i) => [r.id, i]));
    // An email with no outbox row here (sent by another database's worker) keeps its arrival place at the end.
    const key = (m: ReceivedEmail) => rank.get(rowId(m) ?? "") ?? rows.length;
    return mail
      .map((m, i) => ({ m, i }))
      .sort((a, b) => key(a.m) - key(b.m) || a.i - b.i)
      .map((x) => x.m);
  };

  /** The newest email to an address (that matches, if asked), after letting queued jobs run. */
  const lastEmailTo = async (to: string, match: EmailMatch = {}) => {
    const { subject, text } = match;
    const mail = (await emailsTo(to))
      .filter(
        (m) =>
          subject === undefined ||
          (typeof subject === "string" ? m.subject === subject : subject.test(m.subject)),
      )
      .filter((m) => text === undefined || text.test(m.text))
      .at(-1);
    if (!mail)
      throw new Error(
        `no email to ${to}${subject || text ? ` matching ${subject ?? ""} ${text ?? ""}` : ""}`,
      );
    return mail;
  };

  return {
    deps,
    db,
    smtp,
    /** Where the local media store of this context keeps its files. */
    mediaDir,
    drain: () => queue.drain(),
    emailsTo,
    lastEmailTo,
    /** The code in the newest verification email, whatever else was sent to the address since. */
    otpFor: async (to: string) =>
      /\b(\d{6})\b/.exec((await lastEmailTo(to, { subject: /verification code/ })).text)?.[1] ?? "",
    /** The token in the newest email carrying a one-time link (a reset, or a choose-password link). */
    resetTokenFor: async (to: string) =>
      /token=([\w-]+)/.exec((await lastEmailTo(to, { text: /token=[\w-]+/ })).text)?.[1] ?? "",
    /** The same services shaped as a process runtime, for building the HTTP app in tests. */
    runtime: (): Runtime => ({
      deps,
      db,
      ready: async () => {
        await db.ping();
        return { database: "ok" };
      },
      drainJobs: () => queue.drain(),
      close: async () => {},
    }),
    /** Moves this context's clock forward. */
    advance: (ms: number) => {
      offsetMs += ms;
    },
    async close() {
      await queue.close();
      await mailer.close();
      await smtp.close();
      if (!options.db) await db.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/** The DomainError a call is expected to fail with; anything else (or success) fails the test. */
export async function rejects(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("expected a DomainError");
}
