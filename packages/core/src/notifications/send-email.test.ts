import { emails } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "../testing";
import { queueEmail } from "./queue-email";
import { redrivePendingEmails } from "./redrive-pending-emails";
import { sendEmail } from "./send-email";

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe("email outbox", () => {
  it("sends once however often the job runs, and forgets the secret payload", async () => {
    const id = await queueEmail(t.deps.db, {
      to: "dup@example.com",
      template: "verify_email",
      payload: { name: "D", code: "123456" },
    });
    expect(await sendEmail(t.deps, { emailId: id })).toBe("sent");
    expect(await sendEmail(t.deps, { emailId: id })).toBe("already_sent");
    const got = t.smtp.received.filter((m) => m.to === "dup@example.com");
    expect(got).toHaveLength(1);
    expect(got[0]!.text).toContain("123456");
    expect(got[0]!.html).toContain("123456");
    expect(got[0]!.messageId).toBe(`<${id}@bazaar>`);
    const [row] = await t.deps.db.select().from(emails).where(eq(emails.id, id));
    expect(row).toMatchObject({
      status: "sent",
      payload: null,
      subject: "Your Bazaar verification code is 123456",
    });
  });

  it("sends nothing for a change that rolled back", async () => {
    await t.deps.db
      .transaction(async (tx) => {
        await queueEmail(tx, {
          to: "ghost@example.com",
          template: "welcome",
          payload: { name: "G", url: "x" },
        });
        throw new Error("rollback");
      })
      .catch(() => {});
    expect(await t.deps.db.select().from(emails).where(eq(emails.to, "ghost@example.com"))).toHaveLength(0);
  });

  it("re-drives emails left pending, e.g. when the queue was down at commit time", async () => {
    const id = await queueEmail(t.deps.db, {
      to: "late@example.com",
      template: "welcome",
      payload: { name: "L", url: "x" },
    });
    t.advance(2 * 60 * 1000);
    expect(await redrivePendingEmails(t.deps)).toBeGreaterThanOrEqual(1);
    expect((await t.lastEmailTo("late@example.com")).subject).toBe("Welcome to Bazaar");
    const [row] = await t.deps.db.select().from(emails).where(eq(emails.id, id));
    expect(row?.status).toBe("sent");
  });

  it("escapes user-controlled text in the HTML part", async () => {
    const id = await queueEmail(t.deps.db, {
      to: "xss@example.com",
      template: "welcome",
      payload: { name: "<script>x</script>", url: "u" },
    });
    await sendEmail(t.deps, { emailId: id });
    const mail = await t.lastEmailTo("xss@example.com");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
  });
});
