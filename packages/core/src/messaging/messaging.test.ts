import { randomUUID } from "node:crypto";
import { auditLog, conversations, emails, media, notifications, products } from "@bazaar/db";
import type { MessageEventDto } from "@bazaar/schemas";
import { and, eq } from "drizzle-orm";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteMedia } from "../media";
import type { Actor, Deps, SellerActor } from "../platform/deps";
import { createRedisLive } from "../platform/live";
import { createRateLimiter } from "../platform/rate-limit";
import { createReport, resolveReportCase } from "../reports";
import { createTestContext, orderFixture, rejects, type TestContext } from "../testing";
import { adminGetThread } from "./admin-get-thread";
import { getThread } from "./get-thread";
import { listConversations } from "./list-conversations";
import { markConversationRead } from "./mark-read";
import { streamMessages } from "./message-stream";
import { inboxChannel } from "./queries";
import { getShopResponseTime } from "./response-time";
import { sendMessage } from "./send-message";
import { startConversation } from "./start-conversation";
import { messageUnreadCount } from "./unread-count";
import {
  redriveUnreadEmails,
  sendUnreadEmail,
  UNREAD_EMAIL_AFTER_MS,
  UNREAD_EMAIL_GAP_MS,
} from "./unread-email";

let t: TestContext;
let fx: ReturnType<typeof orderFixture>;

beforeAll(async () => {
  t = await createTestContext();
  fx = orderFixture(t);
});
afterAll(() => t.close());

/** A shop with a live product, and a buyer who writes to it about the product. */
async function talk(body = "Is this available in blue?") {
  const shop = await fx.shop(`Shop ${randomUUID().slice(0, 6)}`);
  const item = await fx.variant(shop, 150_000, 10, "Cotton kurta");
  const buyer = await fx.customer();
  const started = await startConversation(t.deps, buyer.actor, {
    subject: { type: "product", productId: item.product.id },
    body,
  });
  return { shop, item, buyer, started, id: started.conversation.id };
}

const at = (when: Date): Deps => ({ ...t.deps, now: () => when });
const adminActor = async (): Promise<Actor> => {
  const a = await fx.customer();
  return { userId: a.user.id, role: "admin", sessionId: randomUUID() };
};

/** Reads a stream until it has `n` events (the test times out if they never come). */
async function take(it: AsyncGenerator<{ id: string; event: MessageEventDto }>, n: number) {
  const out: { id: string; event: MessageEventDto }[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}
const seqsOf = (events: { event: MessageEventDto }[]) =>
  events.flatMap((e) => (e.event.kind === "message" ? [e.event.message.seq] : []));

describe("starting a conversation", () => {
  it("opens one conversation per buyer, shop and subject, with the shop's unread count and a notification", async () => {
    const { shop, item, buyer, started, id } = await talk();
    expect(started.created).toBe(true);
    expect(started.message).toMatchObject({
      sender: "customer",
      mine: true,
      body: "Is this available in blue?",
    });
    expect(started.conversation).toMatchObject({
      subject: { type: "product", productId: item.product.id, title: "Cotton kurta" },
      shop: { id: shop.id },
      unread: 0,
    });

    const again = await startConversation(t.deps, buyer.actor, {
      sellerId: shop.id,
      subject: { type: "product", productId: item.product.id },
      body: "And in green?",
    });
    expect(again.created).toBe(false);
    expect(again.conversation.id).toBe(id);

    const inbox = await listConversations(t.deps, shop.actor, {});
    expect(inbox.items.map((c) => [c.id, c.unread])).toEqual([[id, 2]]);
    expect(inbox.items[0]!.customer.name).toBe("Anita R.");
    expect(await messageUnreadCount(t.deps, shop.actor)).toEqual({ messages: 2, conversations: 1 });
    const bell = await t.deps.db.select().from(notifications).where(eq(notifications.userId, shop.userId));
    // One bell entry for the stretch of unread messages; another once the shop has read them.
    expect(bell.map((n) => n.type)).toEqual(["message.received"]);
    expect(bell[0]!.link).toBe(`/messages/${id}`);
    await markConversationRead(t.deps, shop.actor, { conversationId: id });
    await sendMessage(t.deps, buyer.actor, { conversationId: id, body: "Any news?" });
    const after = await t.deps.db.select().from(notifications).where(eq(notifications.userId, shop.userId));
    expect(after).toHaveLength(2);
  });

  it("is race-safe: two starts at once end in one conversation", async () => {
    const shop = await fx.shop("Race Shop");
    const item = await fx.variant(shop, 99_000, 5, "Lamp");
    const buyer = await fx.customer();
    const start = (body: string) =>
      startConversation(t.deps, buyer.actor, {
        subject: { type: "product", productId: item.product.id },
        body,
      });
    const [a, b] = await Promise.all([start("First question"), start("Second question")]);
    expect(a.conversation.id).toBe(b.conversation.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const rows = await t.deps.db
      .select()
      .from(conversations)
      .where(eq(conversations.customerId, buyer.user.id));
    expect(rows).toHaveLength(1);
    const thread = await getThread(t.deps, buyer.actor, { conversationId: a.conversation.id });
    expect(thread.messages.map((m) => m.body).sort()).toEqual(["First question", "Second question"]);
  });

  it("a double click sends the first message once", async () => {
    const shop = await fx.shop("Click Shop");
    const item = await fx.variant(shop, 10_000, 5, "Mug");
    const buyer = await fx.customer();
    const start = () =>
      startConversation(t.deps, buyer.actor, {
        subject: { type: "product", productId: item.product.id },
        body: "Hi",
      });
    const [a, b] = await Promise.all([start(), start()]);
    expect(a.message.id).toBe(b.message.id);
    const thread = await getThread(t.deps, buyer.actor, { conversationId: a.conversation.id });
    expect(thread.messages).toHaveLength(1);
  });

  it("takes a live product of the shop, or the buyer's own sub-order with it", async () => {
    const shop = await fx.shop("Rules Shop");
    const other = await fx.shop("Other Shop");
    const item = await fx.variant(shop, 50_000, 5, "Scarf");
    const buyer = await fx.customer();

    const wrongShop = await rejects(
      startConversation(t.deps, buyer.actor, {
        sellerId: other.id,
        subject: { type: "product", productId: item.product.id },
        body: "Hello",
      }),
    );
    expect([wrongShop.code, wrongShop.reason]).toEqual(["VALIDATION", "conversation.wrong_shop"]);

    const draft = await fx.variant(shop, 50_000, 5, "Draft scarf");
    await t.deps.db.update(products).set({ status: "draft" }).where(eq(products.id, draft.product.id));
    const hidden = await rejects(
      startConversation(t.deps, buyer.actor, {
        subject: { type: "product", productId: draft.product.id },
        body: "Hello",
      }),
    );
    expect([hidden.code, hidden.reason]).toEqual(["NOT_FOUND", "product.not_found"]);

    const order = await fx.checkout(buyer, [[item.id, 1]]);
    const subOrderId = order.subOrders[0]!.id;
    const stranger = await fx.customer();
    const notTheirs = await rejects(
      startConversation(t.deps, stranger.actor, {
        subject: { type: "sub_order", subOrderId },
        body: "Where is it?",
      }),
    );
    expect([notTheirs.code, notTheirs.reason]).toEqual(["NOT_FOUND", "order.not_found"]);

    const about = await startConversation(t.deps, buyer.actor, {
      subject: { type: "sub_order", subOrderId },
      body: "When will it ship?",
    });
    expect(about.conversation.subject).toMatchObject({
      type: "sub_order",
      subOrderId,
      number: order.subOrders[0]!.number,
    });
    expect(about.conversation.shop.id).toBe(shop.id);
  });

  it("accepts only the sender's own uploads as images", async () => {
    const { shop, id, buyer } = await talk();
    const [mine] = await t.deps.db
      .insert(media)
      .values({
        ownerId: buyer.user.id,
        storeKey: `k-${randomUUID()}`,
        url: "http://m/1.jpg",
        contentType: "image/jpeg",
        bytes: 10,
      })
      .returning();
    const [theirs] = await t.deps.db
      .insert(media)
      .values({
        ownerId: shop.userId,
        storeKey: `k-${randomUUID()}`,
        url: "http://m/2.jpg",
        contentType: "image/jpeg",
        bytes: 10,
      })
      .returning();
    const refused = await rejects(
      sendMessage(t.deps, buyer.actor, { conversationId: id, body: "", imageIds: [theirs!.id] }),
    );
    expect([refused.code, refused.reason]).toEqual(["VALIDATION", "message.image_not_found"]);
    const sent = await sendMessage(t.deps, buyer.actor, {
      conversationId: id,
      body: "",
      imageIds: [mine!.id],
    });
    expect(sent.images).toEqual([{ id: mine!.id, url: "http://m/1.jpg" }]);
    // An image in a message is in use: the media clean-up leaves it alone.
    expect(await deleteMedia(t.deps, mine!.id)).toBe("in_use");
  });
});

describe("unread counts and read receipts", () => {
  it("counts the other side's messages until read, and read marks only move forward", async () => {
    const { shop, buyer, id } = await talk();
    const m1 = await sendMessage(t.deps, shop.actor, { conversationId: id, body: "Yes, it is." });
    const m2 = await sendMessage(t.deps, shop.actor, { conversationId: id, body: "Shall I reserve one?" });
    expect(m2.mine).toBe(true);
    // The seller's reply read the buyer's message for them.
    expect((await listConversations(t.deps, shop.actor, {})).items[0]!.unread).toBe(0);
    expect((await messageUnreadCount(t.deps, buyer.actor)).messages).toBe(2);

    const half = await markConversationRead(t.deps, buyer.actor, { conversationId: id, upToSeq: m1.seq });
    expect(half).toEqual({ conversationId: id, readSeq: m1.seq, unread: 1 });
    const all = await markConversationRead(t.deps, buyer.actor, { conversationId: id });
    expect(all).toEqual({ conversationId: id, readSeq: m2.seq, unread: 0 });
    const stale = await markConversationRead(t.deps, buyer.actor, { conversationId: id, upToSeq: m1.seq });
    expect(stale.readSeq).toBe(m2.seq);

    const seen = await getThread(t.deps, shop.actor, { conversationId: id });
    expect(seen.conversation.otherReadSeq).toBe(m2.seq);
  });

  it("tells both inboxes about a read, live", async () => {
    const { shop, buyer, id } = await talk();
    const m = await sendMessage(t.deps, shop.actor, { conversationId: id, body: "Here you go" });
    const stop = new AbortController();
    const stream = streamMessages(t.deps, shop.actor, {}, stop.signal);
    const pending = take(stream, 1);
    await new Promise((r) => setTimeout(r, 20));
    await markConversationRead(t.deps, buyer.actor, { conversationId: id });
    const [ev] = await pending;
    expect(ev!.event).toMatchObject({ kind: "read", conversationId: id, reader: "customer", readSeq: m.seq });
    stop.abort();
    await stream.return(undefined);
  });

  it("lists unread conversations first for the shop, in pages that neither repeat nor skip", async () => {
    const shop = await fx.shop("Busy Shop");
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const item = await fx.variant(shop, 10_000 + i, 5, `Thing ${i}`);
      const buyer = await fx.customer();
      const c = await startConversation(t.deps, buyer.actor, {
        subject: { type: "product", productId: item.product.id },
        body: `Question ${i}`,
      });
      ids.push(c.conversation.id);
    }
    // The shop answers 0 and 2: read, so they go after the unread ones.
    await sendMessage(t.deps, shop.actor, { conversationId: ids[0]!, body: "Answer" });
    await sendMessage(t.deps, shop.actor, { conversationId: ids[2]!, body: "Answer" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listConversations(t.deps, shop.actor, { limit: 2, cursor });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([ids[4], ids[3], ids[1], ids[2], ids[0]]);
    const unreadOnly = await listConversations(t.deps, shop.actor, { unreadOnly: true });
    expect(unreadOnly.items.map((c) => c.id)).toEqual([ids[4], ids[3], ids[1]]);
  });
});

describe("who may read a conversation", () => {
  it("is the buyer and the shop only: another buyer, another shop and an admin are refused", async () => {
    const { id, buyer, shop } = await talk();
    const stranger = await fx.customer();
    const otherShop = await fx.shop("Nosy Shop");
    for (const who of [stranger.actor, otherShop.actor] as (Actor | SellerActor)[]) {
      for (const call of [
        () => getThread(t.deps, who, { conversationId: id }),
        () => sendMessage(t.deps, who, { conversationId: id, body: "hi" }),
        () => markConversationRead(t.deps, who, { conversationId: id }),
      ]) {
        const e = await rejects(call());
        expect([e.code, e.reason]).toEqual(["NOT_FOUND", "conversation.not_found"]);
      }
      expect((await listConversations(t.deps, who, {})).items.map((c) => c.id)).not.toContain(id);
    }
    const admin = await adminActor();
    const e = await rejects(getThread(t.deps, admin, { conversationId: id }));
    expect([e.code, e.reason]).toEqual(["FORBIDDEN", "messaging.participants_only"]);
    const noReport = await rejects(adminGetThread(t.deps, admin, { conversationId: id }));
    expect([noReport.code, noReport.reason]).toEqual(["NOT_FOUND", "conversation.not_found"]);
    // The owners still read it.
    expect((await getThread(t.deps, buyer.actor, { conversationId: id })).messages).toHaveLength(1);
    expect((await getThread(t.deps, shop.actor, { conversationId: id })).messages).toHaveLength(1);
  });
});

describe("the audit log", () => {
  it("records a shop's message by id, never its words", async () => {
    const { shop, id } = await talk();
    const sent = await sendMessage(t.deps, shop.actor, {
      conversationId: id,
      body: "Secret discount code 123",
    });
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "message.sent"), eq(auditLog.targetId, id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.data).toMatchObject({ messageId: sent.id, seq: sent.seq });
    expect(JSON.stringify(entries[0]!.data)).not.toContain("Secret");
  });
});

describe("reports", () => {
  it("a reported message opens the conversation to an admin, audited; hiding it hides it from both sides", async () => {
    const { id, buyer, shop } = await talk();
    const rude = await sendMessage(t.deps, shop.actor, { conversationId: id, body: "Rude words" });

    // Only the other side reports, and never their own message.
    const own = await rejects(
      createReport(t.deps, shop.actor, { targetType: "message", targetId: rude.id, reason: "offensive" }),
    );
    expect([own.code, own.reason]).toEqual(["NOT_FOUND", "report.message_not_found"]);
    const stranger = await fx.customer();
    const outsider = await rejects(
      createReport(t.deps, stranger.actor, { targetType: "message", targetId: rude.id, reason: "offensive" }),
    );
    expect([outsider.code, outsider.reason]).toEqual(["NOT_FOUND", "report.message_not_found"]);

    const receipt = await createReport(t.deps, buyer.actor, {
      targetType: "message",
      targetId: rude.id,
      reason: "offensive",
    });
    const admin = await adminActor();
    const thread = await adminGetThread(t.deps, admin, { conversationId: id });
    expect(thread.messages.map((m) => [m.body, m.reported])).toEqual([
      ["Is this available in blue?", false],
      ["Rude words", true],
    ]);
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "conversation.read"), eq(auditLog.targetId, id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.actorId).toBe(admin.userId);
    expect(entries[0]!.data).toMatchObject({ reportedMessageIds: [rude.id] });

    await resolveReportCase(t.deps, admin, { id: receipt.caseId, action: "hide", note: "Abusive language" });
    const seenByBuyer = await getThread(t.deps, buyer.actor, { conversationId: id });
    expect(seenByBuyer.messages[1]).toMatchObject({ id: rude.id, hidden: true, body: "", images: [] });
    expect(seenByBuyer.conversation.lastMessagePreview).toBe("Message removed");
    const seenByAdmin = await adminGetThread(t.deps, admin, { conversationId: id });
    expect(seenByAdmin.messages[1]).toMatchObject({ hidden: true, body: "Rude words" });
  });
});

describe("rate limits", () => {
  it("stops a sender past the per-account limit, naming when to retry", async () => {
    const { id, buyer } = await talk();
    const limited: Deps = {
      ...t.deps,
      limiter: createRateLimiter({
        limits: { "message.send.account": { points: 2, duration: 60 } },
        prefix: `rl-${randomUUID()}`,
      }),
    };
    await sendMessage(limited, buyer.actor, { conversationId: id, body: "one" });
    await sendMessage(limited, buyer.actor, { conversationId: id, body: "two" });
    const e = await rejects(sendMessage(limited, buyer.actor, { conversationId: id, body: "three" }));
    expect([e.code, e.reason]).toEqual(["RATE_LIMITED", "rate_limit.message.send.account"]);
    expect(e.details?.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe("catch-up on the inbox stream", () => {
  it("sends everything after the last seen seq, then live messages, with no gaps or duplicates", async () => {
    const { shop, buyer, id } = await talk();
    const first = await sendMessage(t.deps, shop.actor, { conversationId: id, body: "m1" });
    const missed = [
      await sendMessage(t.deps, shop.actor, { conversationId: id, body: "m2" }),
      await sendMessage(t.deps, shop.actor, { conversationId: id, body: "m3" }),
    ];
    // A second conversation of the same buyer with another shop lands in the same inbox.
    const other = await fx.shop("Second Shop");
    const item = await fx.variant(other, 20_000, 3, "Bag");
    const c2 = await startConversation(t.deps, buyer.actor, {
      subject: { type: "product", productId: item.product.id },
      body: "own message",
    });
    const stop = new AbortController();
    // As the tRPC client reconnects: the first input (lastSeq) with the newer lastEventId added.
    const stream = streamMessages(
      t.deps,
      buyer.actor,
      { lastSeq: 0, lastEventId: String(first.seq) },
      stop.signal,
    );
    const caught = await take(stream, 3);
    expect(seqsOf(caught)).toEqual([missed[0]!.seq, missed[1]!.seq, c2.message.seq]);
    expect(caught.map((e) => e.id)).toEqual(seqsOf(caught).map(String));
    expect(caught[0]!.event).toMatchObject({
      kind: "message",
      unread: 3,
      message: { body: "m2", mine: false },
    });

    const pending = take(stream, 2);
    const live1 = await sendMessage(t.deps, other.actor, {
      conversationId: c2.conversation.id,
      body: "live 1",
    });
    const live2 = await sendMessage(t.deps, shop.actor, { conversationId: id, body: "live 2" });
    const got = await pending;
    expect(seqsOf(got)).toEqual([live1.seq, live2.seq]);
    expect(got[0]!.event).toMatchObject({ message: { createdAt: expect.any(Date) } });
    stop.abort();
    await stream.return(undefined);
  });

  it("fills in from the database when live events cross or one is lost, and drops copies", async () => {
    const { shop, buyer, id } = await talk();
    const stop = new AbortController();
    const stream = streamMessages(t.deps, buyer.actor, {}, stop.signal);
    const pending = take(stream, 3);
    await new Promise((r) => setTimeout(r, 20));
    // Three messages written while the live channel is silenced, then only the last
    // event is heard: the stream sees its predecessor is missing and reads the database.
    const live = t.deps.live;
    const quiet = { ...t.deps, live: { ...live, publish: async () => {} } };
    const a = await sendMessage(quiet, shop.actor, { conversationId: id, body: "a" });
    const b = await sendMessage(quiet, shop.actor, { conversationId: id, body: "b" });
    const c = await sendMessage(t.deps, shop.actor, { conversationId: id, body: "c" });
    // A late copy of `a` arrives after the gap was filled: dropped.
    await live.publish(inboxChannel("customer", buyer.user.id), {
      kind: "message",
      prev: 0,
      conversationId: id,
      message: { ...a, mine: false },
      unread: 1,
    });
    const got = await pending;
    expect(seqsOf(got)).toEqual([a.seq, b.seq, c.seq]);
    const d = await sendMessage(t.deps, shop.actor, { conversationId: id, body: "d" });
    expect(seqsOf(await take(stream, 1))).toEqual([d.seq]);
    stop.abort();
    await stream.return(undefined);
  });

  it.skipIf(!process.env.REDIS_URL)(
    "crosses API processes through Redis: a message sent on one reaches a stream on another, dates intact",
    async () => {
      const [pubRedis, subRedis] = [new Redis(process.env.REDIS_URL!), new Redis(process.env.REDIS_URL!)];
      const [apiA, apiB] = [createRedisLive(pubRedis), createRedisLive(subRedis)];
      try {
        const { shop, buyer, id } = await talk();
        const stop = new AbortController();
        const stream = streamMessages({ ...t.deps, live: apiB }, buyer.actor, {}, stop.signal);
        const pending = take(stream, 2);
        await new Promise((r) => setTimeout(r, 200));
        const sent = await sendMessage({ ...t.deps, live: apiA }, shop.actor, {
          conversationId: id,
          body: "Via Redis",
        });
        await markConversationRead({ ...t.deps, live: apiA }, buyer.actor, { conversationId: id });
        const [m, r] = await pending;
        expect(m!.event).toMatchObject({ kind: "message", message: { seq: sent.seq, body: "Via Redis" } });
        expect(m!.event.kind === "message" && m!.event.message.createdAt).toBeInstanceOf(Date);
        expect(r!.event).toMatchObject({ kind: "read", readSeq: sent.seq, at: expect.any(Date) });
        stop.abort();
        await stream.return(undefined);
      } finally {
        await apiA.close();
        await apiB.close();
        pubRedis.disconnect();
      }
    },
  );

  it("a stream without a last seq starts at the present", async () => {
    const { shop, buyer, id } = await talk();
    await sendMessage(t.deps, shop.actor, { conversationId: id, body: "old" });
    const stop = new AbortController();
    const stream = streamMessages(t.deps, buyer.actor, undefined, stop.signal);
    const pending = take(stream, 1);
    await new Promise((r) => setTimeout(r, 20));
    const fresh = await sendMessage(t.deps, shop.actor, { conversationId: id, body: "new" });
    expect(seqsOf(await pending)).toEqual([fresh.seq]);
    stop.abort();
    await stream.return(undefined);
  });
});

describe("the unread-message email", () => {
  const emailsFor = (to: string) =>
    t.deps.db
      .select()
      .from(emails)
      .where(and(eq(emails.to, to), eq(emails.template, "message_unread")));

  it("goes after 10 minutes unread, at most once an hour, and not once read", async () => {
    const { shop, buyer, id } = await talk();
    const t0 = new Date(Date.now() + 60_000);
    await sendMessage(at(t0), shop.actor, { conversationId: id, body: "Your parcel is ready" });
    const job = (ms: number) =>
      sendUnreadEmail(at(new Date(t0.getTime() + ms)), { conversationId: id, side: "customer" });

    expect(await job(UNREAD_EMAIL_AFTER_MS - 1000)).toBe("not_due");
    expect(await job(UNREAD_EMAIL_AFTER_MS)).toBe("sent");
    // Run again (a duplicate job): nothing new to say.
    expect(await job(UNREAD_EMAIL_AFTER_MS + 1000)).toBe("read");
    const sent = await emailsFor(buyer.user.email);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.payload).toMatchObject({
      preview: "Your parcel is ready",
      url: `http://customer.test/messages/${id}`,
    });

    // A new message 15 minutes in: due at 25, but the hour since the last email is not up.
    await sendMessage(at(new Date(t0.getTime() + 15 * 60_000)), shop.actor, {
      conversationId: id,
      body: "Hello?",
    });
    expect(await job(26 * 60_000)).toBe("recently_emailed");
    expect(await emailsFor(buyer.user.email)).toHaveLength(1);
    expect(await job(UNREAD_EMAIL_AFTER_MS + UNREAD_EMAIL_GAP_MS)).toBe("sent");
    expect(await emailsFor(buyer.user.email)).toHaveLength(2);

    // Read before the ten minutes are up: no email.
    await sendMessage(at(new Date(t0.getTime() + 2 * 3600_000)), shop.actor, {
      conversationId: id,
      body: "Last one",
    });
    await markConversationRead(t.deps, buyer.actor, { conversationId: id });
    expect(await job(3 * 3600_000)).toBe("read");
    expect(await emailsFor(buyer.user.email)).toHaveLength(2);
  });

  it("the sweep schedules the check again when its job was lost", async () => {
    const { shop, buyer, id } = await talk();
    // Written 20 minutes ago, and its job never ran (a restart of the in-process runner, say).
    const lost = { ...at(new Date(Date.now() - 20 * 60_000)), jobs: { enqueue: async () => {} } };
    await sendMessage(lost, shop.actor, { conversationId: id, body: "Did you get my reply?" });
    expect(await redriveUnreadEmails(t.deps, 60_000)).toBeGreaterThanOrEqual(1);
    await t.drain();
    expect(await emailsFor(buyer.user.email)).toHaveLength(1);
    // Emailed now: the next sweep leaves it alone.
    await redriveUnreadEmails(t.deps, 60_000);
    await t.drain();
    expect(await emailsFor(buyer.user.email)).toHaveLength(1);
  });

  it("two runs at once send one email", async () => {
    const { id } = await talk();
    const later = at(new Date(Date.now() + UNREAD_EMAIL_AFTER_MS + 60_000));
    const outcomes = await Promise.all([
      sendUnreadEmail(later, { conversationId: id, side: "seller" }),
      sendUnreadEmail(later, { conversationId: id, side: "seller" }),
    ]);
    expect(outcomes.sort()).toEqual(["read", "sent"]);
    const rows = await t.deps.db.select().from(emails).where(eq(emails.template, "message_unread"));
    expect(rows.filter((r) => JSON.stringify(r.payload).includes(id))).toHaveLength(1);
  });
});

describe("shop response time", () => {
  it("is the median wait for the shop's reply over the last 30 days, once there are enough", async () => {
    const shop = await fx.shop("Quick Shop");
    const base = Date.now() - 5 * 86_400_000;
    const waits = [5, 10, 60];
    for (const [i, minutes] of waits.entries()) {
      const item = await fx.variant(shop, 10_000 + i, 5, `Thing ${i}`);
      const buyer = await fx.customer();
      const asked = new Date(base + i * 3600_000);
      const c = await startConversation(at(asked), buyer.actor, {
        subject: { type: "product", productId: item.product.id },
        body: "Question",
      });
      await sendMessage(at(new Date(asked.getTime() + minutes * 60_000)), shop.actor, {
        conversationId: c.conversation.id,
        body: "Answer",
      });
    }
    expect(await getShopResponseTime(t.deps, { sellerId: shop.id })).toEqual({
      medianSeconds: 600,
      sample: 3,
    });
    const quiet = await fx.shop("Quiet Shop");
    expect(await getShopResponseTime(t.deps, { sellerId: quiet.id })).toEqual({
      medianSeconds: null,
      sample: 0,
    });
  });
});
