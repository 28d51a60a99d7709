import { conversations, messages } from "@bazaar/db";
import { type MessageDto, type MessageEventDto, OnMessageInput } from "@bazaar/schemas";
import { and, asc, eq, gt, max } from "drizzle-orm";
import type { Actor, Deps } from "../platform/deps";
import type { InboxEvent } from "./append-message";
import { channelOf, messageDtos, mine, type Side, sideOf } from "./queries";

export { inboxChannel } from "./queries";

/** Catch-up reads at most this many messages a query (it loops until it has them all). */
const CATCH_UP_BATCH = 200;
/**
 * Redis confirms a new channel subscription after a round trip; a message published before
 * that reaches the database but not this stream. One more catch-up this long after opening
 * finds it, even if no later message arrives to reveal the gap.
 */
const SETTLE_MS = 1000;

/** The newest message seq in the caller's inbox (0 when empty). */
async function inboxHead(deps: Pick<Deps, "db">, who: Side): Promise<number> {
  const [row] = await deps.db
    .select({ seq: max(conversations.lastMessageSeq) })
    .from(conversations)
    .where(mine(who));
  return Number(row?.seq ?? 0);
}

/** Every message of the caller's inbox after `after`, in seq order, in batches. */
async function* messagesAfter(
  deps: Pick<Deps, "db">,
  who: Side,
  after: number,
): AsyncGenerator<{ message: MessageDto; unread: number }> {
  let from = after;
  for (;;) {
    const rows = await deps.db
      .select({
        m: messages,
        customerUnread: conversations.customerUnread,
        sellerUnread: conversations.sellerUnread,
      })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(and(mine(who), gt(messages.seq, from)))
      .orderBy(asc(messages.seq))
      .limit(CATCH_UP_BATCH);
    const dtos = await messageDtos(
      deps.db,
      rows.map((r) => r.m),
      who.side,
    );
    for (const [i, message] of dtos.entries()) {
      const r = rows[i]!;
      yield { message, unread: who.side === "customer" ? r.customerUnread : r.sellerUnread };
    }
    if (rows.length < CATCH_UP_BATCH) return;
    from = rows[rows.length - 1]!.m.seq;
  }
}

/** Through Redis a Date arrives as its ISO string. */
const revive = (d: Date | string) => (d instanceof Date ? d : new Date(d));

/**
 * The caller's inbox as a stream: new messages of all their conversations and read
 * receipts. Each item's `id` is the highest message seq delivered so far (the SSE event id).
 *
 * No gaps, no duplicates: messages after `lastSeq` come first from the database, then live
 * ones. A live message passes straight through only when its inbox predecessor (`prev`) is
 * the last one delivered; otherwise something was missed or events crossed on the wire,
 * and the database (where an inbox's seq order is its commit order, see `lockInboxes`)
 * fills in, in order. Anything at or below the last delivered seq is dropped. Read
 * receipts are passed on as they come; a reconnecting client re-reads its conversations.
 */
export async function* streamMessages(
  deps: Pick<Deps, "db" | "live" | "log">,
  actor: Actor & { sellerId?: string },
  raw: OnMessageInput,
  signal: AbortSignal,
): AsyncGenerator<{ id: string; event: MessageEventDto }> {
  const input = OnMessageInput.parse(raw) ?? {};
  const who = sideOf(actor);
  // On a reconnect the tRPC client adds `lastEventId` to the input it first sent: newer than
  // any `lastSeq` in it.
  const start = input.lastEventId ? Number(input.lastEventId) : input.lastSeq;

  // Listen first, read the backlog second: what is published in between is in both, and
  // the seq check drops the copy.
  const queue: InboxEvent[] = [];
  let wake: (() => void) | null = null;
  let failed: unknown;
  let ended = false;
  const poke = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  // Its own stop, so a consumer that stops reading ends the subscription too.
  const stop = new AbortController();
  const onAbort = () => {
    stop.abort();
    poke();
  };
  if (signal.aborted) stop.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  const pump = (async () => {
    try {
      for await (const e of deps.live.subscribe(channelOf(who), stop.signal)) {
        queue.push(e as InboxEvent);
        poke();
      }
    } catch (error) {
      failed = error;
    } finally {
      ended = true;
      poke();
    }
  })();
  let settle: NodeJS.Timeout | undefined;
  let settled = false;

  let last = start ?? 0;
  async function* catchUp() {
    for await (const { message, unread } of messagesAfter(deps, who, last)) {
      last = message.seq;
      yield {
        id: String(last),
        event: {
          kind: "message",
          conversationId: message.conversationId,
          message,
          unread,
        } as MessageEventDto,
      };
    }
  }

  try {
    // Inside the try: if this read fails, the finally still ends the subscription.
    if (start === undefined) last = await inboxHead(deps, who);
    else yield* catchUp();
    settle = setTimeout(() => {
      settled = true;
      poke();
    }, SETTLE_MS);
    settle.unref?.();
    while (!stop.signal.aborted) {
      if (settled) {
        settled = false;
        yield* catchUp();
      }
      const e = queue.shift();
      if (!e) {
        if (ended) break;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (e.kind === "read") {
        yield {
          id: String(last),
          event: {
            kind: "read",
            conversationId: e.conversationId,
            reader: e.reader,
            readSeq: e.readSeq,
            at: revive(e.at),
          },
        };
        continue;
      }
      if (e.message.seq <= last) continue;
      if (e.prev > last) {
        yield* catchUp();
        continue;
      }
      last = e.message.seq;
      yield {
        id: String(last),
        event: {
          kind: "message",
          conversationId: e.conversationId,
          message: { ...e.message, createdAt: revive(e.message.createdAt) },
          unread: e.unread,
        },
      };
    }
    if (failed && !stop.signal.aborted) throw failed;
  } finally {
    clearTimeout(settle);
    signal.removeEventListener("abort", onAbort);
    stop.abort();
    await pump;
  }
}
