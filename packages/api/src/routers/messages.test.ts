import { randomUUID } from "node:crypto";
import { createVerifiedUser, sendMessage } from "@bazaar/core";
import { createTestContext, orderFixture, type TestContext } from "@bazaar/core/testing";
import type { MessageEventDto } from "@bazaar/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../root";
import { clientError, testHttp } from "../testing/http";
import { signInViaApi } from "../testing/sign-in";

let t: TestContext;
const api = (accessToken: string | null = null, signal?: AbortSignal) =>
  createCaller({ deps: t.deps, http: testHttp({ accessToken }) }, signal ? { signal } : undefined);

async function signedIn() {
  const email = `buyer-${randomUUID()}@example.com`;
  await createVerifiedUser(t.deps, { email, name: "Kavya Iyer", password: "pass-word-1", role: "customer" });
  return (await signInViaApi(t.deps, api(), { email, password: "pass-word-1" })).accessToken;
}

beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

/** What the stream yields to a server-side caller: a tracked event is `[id, data]`. */
type Tracked = [string, MessageEventDto];
async function next(it: AsyncIterator<unknown>) {
  const r = await it.next();
  return r.value as Tracked;
}

describe("message procedures", () => {
  it("answer bad input with errors that name the field", async () => {
    const c = api(await signedIn());
    const id = randomUUID();
    const cases: [() => Promise<unknown>, string[]][] = [
      [
        () => c.messages.start({ subject: { type: "product", productId: id }, body: "x".repeat(2001) }),
        ["body"],
      ],
      [() => c.messages.send({ conversationId: id, body: "", imageIds: [] }), ["body"]],
      [
        () =>
          c.messages.send({
            conversationId: id,
            body: "hi",
            imageIds: Array.from({ length: 5 }, randomUUID),
          }),
        ["imageIds"],
      ],
      [() => c.messages.thread({ conversationId: id, afterSeq: 1, beforeSeq: 5 }), ["beforeSeq"]],
      [() => c.messages.markRead({ conversationId: "x", upToSeq: -1 }), ["conversationId", "upToSeq"]],
      [() => c.messages.list({ cursor: "not a cursor!" }), ["cursor"]],
    ];
    for (const [call, fields] of cases) {
      const e = await clientError(call());
      expect(e.code).toBe("BAD_REQUEST");
      expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual([...fields].sort());
    }
  });

  it("streams the inbox with each message's seq as its event id, and a reconnect catches up from it", async () => {
    const fx = orderFixture(t);
    const shop = await fx.shop("Stream Shop");
    const item = await fx.variant(shop, 10_000, 5, "Brass lamp");
    const token = await signedIn();
    const started = await api(token).messages.start({
      subject: { type: "product", productId: item.product.id },
      body: "Is it solid brass?",
    });
    const conversationId = started.conversation.id;

    const first = new AbortController();
    const stream = (await api(token, first.signal).messages.onMessage({})) as AsyncIterable<unknown>;
    const it1 = stream[Symbol.asyncIterator]();
    const pending = next(it1);
    await new Promise((r) => setTimeout(r, 20));
    const a = await sendMessage(t.deps, shop.actor, { conversationId, body: "Yes, solid." });
    const [idA, evA] = await pending;
    expect(idA).toBe(String(a.seq));
    expect(evA).toMatchObject({
      kind: "message",
      conversationId,
      unread: 1,
      message: { body: "Yes, solid." },
    });
    first.abort();
    await it1.return?.();

    // Away: two messages and nothing heard.
    const b = await sendMessage(t.deps, shop.actor, { conversationId, body: "Shall I pack it?" });
    const c = await sendMessage(t.deps, shop.actor, { conversationId, body: "It ships today." });
    const again = new AbortController();
    const resumed = (await api(token, again.signal).messages.onMessage({
      lastEventId: idA,
    })) as AsyncIterable<unknown>;
    const it2 = resumed[Symbol.asyncIterator]();
    const caught = [await next(it2), await next(it2)];
    expect(caught.map(([id]) => id)).toEqual([String(b.seq), String(c.seq)]);
    expect(await api(token).messages.unreadCount()).toEqual({ messages: 3, conversations: 1 });
    again.abort();
    await it2.return?.();
  });

  it("an admin's stream is refused: only the two sides of a conversation have an inbox", async () => {
    const email = `admin-${randomUUID()}@example.com`;
    await createVerifiedUser(t.deps, { email, name: "Asha Admin", password: "pass-word-1", role: "admin" });
    const { accessToken } = await signInViaApi(t.deps, api(), { email, password: "pass-word-1" });
    const stream = (await api(accessToken).messages.onMessage({})) as AsyncIterable<unknown>;
    const e = await clientError(stream[Symbol.asyncIterator]().next());
    expect([e.code, e.reason]).toEqual(["FORBIDDEN", "messaging.participants_only"]);
  });
});
