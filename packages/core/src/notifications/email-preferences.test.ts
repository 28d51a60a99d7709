import { emails } from "@bazaar/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, orderFixture, rejects, type TestContext } from "../testing";
import { emailCategory } from "./email-categories";
import { getNotificationPreferences, setNotificationPreferences } from "./preferences";
import { dispatchEmails, queueEmail } from "./queue-email";
import { checkUnsubscribe, unsubscribe } from "./unsubscribe";
import { readUnsubscribeToken, unsubscribeToken } from "./unsubscribe-token";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;

beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
});
afterAll(() => t.close());

async function send(to: string, template: "order_placed" | "password_reset" | "welcome") {
  const id = await queueEmail(t.deps.db, {
    to,
    template,
    payload: { name: "Anita", number: "BZ-1", total: 1000, url: "http://customer.test/orders/1" },
  });
  await dispatchEmails(t.deps, [id]);
  await t.drain();
  const [row] = await t.deps.db.select().from(emails).where(eq(emails.id, id));
  return row!;
}

describe("email preferences at send time", () => {
  it("a non-security email carries a one-click unsubscribe link and the RFC 8058 headers", async () => {
    const c = await fx.customer();
    expect((await send(c.user.email, "order_placed")).status).toBe("sent");
    const mail = await t.lastEmailTo(c.user.email);
    const url = /Unsubscribe: (\S+)/.exec(mail.text)?.[1];
    expect(url).toMatch(/^http:\/\/api\.test\/unsubscribe\?token=/);
    expect(mail.html).toContain("Unsubscribe</a>");
    expect(mail.headers["list-unsubscribe"]).toBe(`<${url}>`);
    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const token = decodeURIComponent(new URL(url!).searchParams.get("token")!);
    expect(readUnsubscribeToken(t.deps, token)).toEqual({ userId: c.user.id, category: "orders" });
  });

  it("email off for a category: the email is skipped and marked so, in-app is untouched", async () => {
    const c = await fx.customer();
    await setNotificationPreferences(t.deps, c.actor, { items: [{ category: "orders", email: false }] });
    const row = await send(c.user.email, "order_placed");
    expect(row.status).toBe("skipped");
    expect(row.payload).toBeNull();
    expect(await t.emailsTo(c.user.email)).toEqual([]);
    const prefs = await getNotificationPreferences(t.deps, c.actor);
    expect(prefs.items.find((p) => p.category === "orders")).toMatchObject({ email: false, inApp: true });
  });

  it("security emails are always sent, with no unsubscribe link, even with every category off", async () => {
    const c = await fx.customer();
    await setNotificationPreferences(t.deps, c.actor, {
      items: (["account", "orders", "shop"] as const).map((category) => ({ category, email: false })),
    });
    expect((await send(c.user.email, "password_reset")).status).toBe("sent");
    const mail = await t.lastEmailTo(c.user.email);
    expect(mail.text).not.toMatch(/Unsubscribe/);
    expect(mail.headers["list-unsubscribe"]).toBeUndefined();
    expect((await send(c.user.email, "welcome")).status).toBe("skipped");
  });

  it("places every template in a category; sign-in codes and resets are security", () => {
    expect(emailCategory("verify_email")).toBe("security");
    expect(emailCategory("password_reset")).toBe("security");
    expect(emailCategory("return_approved")).toBe("returns");
    expect(emailCategory("payout_paid")).toBe("payouts");
    expect(emailCategory("message_unread")).toBe("messages");
    expect(emailCategory("something_new")).toBe("security");
  });
});

describe("one-click unsubscribe", () => {
  it("a valid token turns that category's email off for its user only, and a second click is the same", async () => {
    const [c, other] = [await fx.customer(), await fx.customer()];
    const token = unsubscribeToken(t.deps, c.user.id, "payments");
    expect(await checkUnsubscribe(t.deps, { token })).toEqual({
      category: "payments",
      email: c.user.email,
      subscribed: true,
    });
    expect(await unsubscribe(t.deps, { token })).toEqual({ category: "payments" });
    expect(await unsubscribe(t.deps, { token })).toEqual({ category: "payments" });
    const mine = await getNotificationPreferences(t.deps, c.actor);
    expect(mine.items.find((p) => p.category === "payments")).toMatchObject({ email: false, inApp: true });
    expect(mine.items.filter((p) => !p.email).map((p) => p.category)).toEqual(["payments"]);
    const theirs = await getNotificationPreferences(t.deps, other.actor);
    expect(theirs.items.every((p) => p.email)).toBe(true);
    expect((await checkUnsubscribe(t.deps, { token })).subscribed).toBe(false);
  });

  it("a tampered token is refused: another user's id, another category, or a changed signature", async () => {
    const [c, other] = [await fx.customer(), await fx.customer()];
    const token = unsubscribeToken(t.deps, c.user.id, "orders");
    const [, , mac] = token.split(".");
    const forged = [
      `${other.user.id}.orders.${mac}`,
      `${c.user.id}.payments.${mac}`,
      `${c.user.id}.orders.${mac!.slice(0, -2)}AA`,
      `${c.user.id}.orders`,
      "garbage",
    ];
    for (const bad of forged)
      expect(await rejects(unsubscribe(t.deps, { token: bad }))).toMatchObject({
        code: "VALIDATION",
        reason: "unsubscribe.bad_token",
      });
    for (const u of [c, other]) {
      const prefs = await getNotificationPreferences(t.deps, u.actor);
      expect(prefs.items.every((p) => p.email)).toBe(true);
    }
  });

  it("a token signed with another secret is refused", async () => {
    const c = await fx.customer();
    const foreign = unsubscribeToken(
      { ...t.deps, unsubscribe: { secret: new TextEncoder().encode("another-secret-another-secret-!!") } },
      c.user.id,
      "orders",
    );
    expect(await rejects(unsubscribe(t.deps, { token: foreign }))).toMatchObject({
      code: "VALIDATION",
      reason: "unsubscribe.bad_token",
    });
  });
});
