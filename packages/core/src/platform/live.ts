import { EventEmitter, on } from "node:events";
import type { Redis } from "ioredis";

/**
 * Live notifications to connected clients (order status over SSE). Publishers are the API
 * and the worker; subscribers are API processes. With Redis, events cross processes
 * through pub/sub; without it, everything runs in one process and an emitter suffices.
 * Delivery is best effort: clients re-read state when they (re)connect.
 */
export interface LiveEvents {
  publish(channel: string, event: unknown): Promise<void>;
  subscribe(channel: string, signal: AbortSignal): AsyncIterable<unknown>;
  close(): Promise<void>;
}

export function createMemoryLive(): LiveEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(channel, event) {
      emitter.emit(channel, event);
    },
    async *subscribe(channel, signal) {
      try {
        for await (const [event] of on(emitter, channel, { signal })) yield event;
      } catch (e) {
        if (!signal.aborted) throw e;
      }
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

/**
 * One subscriber connection per process, shared by every SSE stream, subscribed per channel
 * on demand. Redis being away never fails a stream: it stays open and quiet, and every
 * channel in use is subscribed again whenever the subscriber connection becomes ready.
 */
export function createRedisLive(publisher: Redis): LiveEvents {
  const subscriber = publisher.duplicate();
  const local = createMemoryLive();
  const counts = new Map<string, number>();
  const subscribe = async (channels: string[]) => {
    if (channels.length > 0 && subscriber.status === "ready")
      await subscriber.subscribe(...channels).catch(() => {
        // Refused while reconnecting: the 'ready' handler below subscribes it again.
      });
  };
  // The publisher connection reports outages; this one only must not crash on them.
  subscriber.on("error", () => {});
  subscriber.on("ready", () => void subscribe([...counts.keys()]));
  subscriber.on("message", (channel: string, message: string) => {
    void local.publish(channel, JSON.parse(message));
  });
  return {
    async publish(channel, event) {
      await publisher.publish(channel, JSON.stringify(event));
    },
    async *subscribe(channel, signal) {
      const n = counts.get(channel) ?? 0;
      counts.set(channel, n + 1);
      if (n === 0) await subscribe([channel]);
      try {
        yield* local.subscribe(channel, signal);
      } finally {
        const left = (counts.get(channel) ?? 1) - 1;
        if (left === 0) {
          counts.delete(channel);
          await subscriber.unsubscribe(channel).catch(() => {});
        } else counts.set(channel, left);
      }
    },
    async close() {
      subscriber.disconnect();
      await local.close();
    },
  };
}
