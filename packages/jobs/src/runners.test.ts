import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { type AddressInfo, connect, createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createBullQueue, startBullWorkers } from "./bullmq";
import { type JobHandlers, jobs } from "./definitions";
import { createInProcessQueue } from "./in-process";

class Permanent extends Error {}

/** These tests drive email.send and the repeating payments.reconcile; every other job gets a no-op handler. */
type TestHandlers = Partial<Pick<JobHandlers, "email.send" | "payments.reconcile">>;
const all = (h: TestHandlers): JobHandlers =>
  ({ ...Object.fromEntries(Object.keys(jobs).map((name) => [name, async () => {}])), ...h }) as JobHandlers;

type Runner = {
  name: string;
  start(handlers: TestHandlers): Promise<{
    enqueue: (id: string, dedupe?: string) => Promise<void>;
    every: (ms: number) => Promise<void>;
    stop(): Promise<void>;
  }>;
};

const inProcess: Runner = {
  name: "in-process",
  async start(handlers) {
    const q = createInProcessQueue({
      handlers: all(handlers),
      backoffMs: 5,
      attempts: 3,
      isPermanent: (e) => e instanceof Permanent,
    });
    return {
      enqueue: (id, dedupe) => q.enqueue("email.send", { emailId: id }, { dedupeKey: dedupe }),
      every: (ms) => q.every("payments.reconcile", {}, ms),
      stop: () => q.close(),
    };
  },
};

const redisUrl = process.env.REDIS_URL;
const bull: Runner = {
  name: "bullmq",
  async start(handlers) {
    // A fresh prefix per test keeps runs from seeing each other's jobs.
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const opts = { url: redisUrl!, prefix, attempts: 3, backoffMs: 5 };
    const q = createBullQueue(opts);
    const w = startBullWorkers({
      ...opts,
      handlers: all(handlers),
      isPermanent: (e) => e instanceof Permanent,
    });
    await Promise.all(w.workers.map((x) => x.waitUntilReady()));
    return {
      enqueue: (id, dedupe) => q.enqueue("email.send", { emailId: id }, { dedupeKey: dedupe }),
      every: (ms) => q.every("payments.reconcile", {}, ms),
      stop: async () => {
        await w.close();
        await q.close();
      },
    };
  },
};

const until = async (cond: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 10));
  }
};

for (const runner of redisUrl ? [inProcess, bull] : [inProcess]) {
  describe(`${runner.name} job runner`, () => {
    let stop: (() => Promise<void>) | undefined;
    afterEach(async () => {
      await stop?.();
      stop = undefined;
    });

    it("runs a repeating job again and again, also when the schedule is set twice", async () => {
      let runs = 0;
      const r = await runner.start({ "payments.reconcile": async () => void runs++ });
      stop = r.stop;
      await r.every(60);
      await r.every(60); // a second process asking for the same schedule
      const started = Date.now();
      await until(() => runs >= 4);
      // One schedule runs at most once per 60 ms; two would run about twice as often.
      expect(runs).toBeLessThanOrEqual(Math.floor((Date.now() - started) / 60) + 2);
    });

    it("runs a job with its payload", async () => {
      const seen: string[] = [];
      const r = await runner.start({ "email.send": async (p) => void seen.push(p.emailId) });
      stop = r.stop;
      const id = randomUUID();
      await r.enqueue(id);
      await until(() => seen.length === 1);
      expect(seen).toEqual([id]);
    });

    it("retries a failing job with backoff until it succeeds", async () => {
      const attempts: number[] = [];
      const r = await runner.start({
        "email.send": async (_p, ctx) => {
          attempts.push(ctx.attempt);
          if (ctx.attempt < 3) throw new Error("smtp down");
        },
      });
      stop = r.stop;
      await r.enqueue(randomUUID());
      await until(() => attempts.length === 3);
      expect(attempts).toEqual([1, 2, 3]);
    });

    it("does not retry a permanent failure", async () => {
      let calls = 0;
      const r = await runner.start({
        "email.send": async () => {
          calls++;
          throw new Permanent("no such email");
        },
      });
      stop = r.stop;
      await r.enqueue(randomUUID());
      await until(() => calls === 1);
      await new Promise((res) => setTimeout(res, 200));
      expect(calls).toBe(1);
    });

    it("adds a job with the same dedupe key once", async () => {
      const seen: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const r = await runner.start({
        "email.send": async (p) => {
          await gate;
          seen.push(p.emailId);
        },
      });
      stop = r.stop;
      const id = randomUUID();
      await r.enqueue(id, `email:${id}`);
      await r.enqueue(id, `email:${id}`);
      release();
      await until(() => seen.length >= 1);
      await new Promise((res) => setTimeout(res, 200));
      expect(seen).toEqual([id]);
    });

    it("refuses a malformed payload before it reaches the queue", async () => {
      const r = await runner.start({ "email.send": async () => {} });
      stop = r.stop;
      await expect(r.enqueue("not-a-uuid")).rejects.toMatchObject({
        issues: [expect.objectContaining({ path: ["emailId"] })],
      });
    });
  });
}

describe("in-process job runner, long delays", () => {
  it("holds a job delayed past Node's 24.8-day timer limit instead of running it at once", async () => {
    const seen: string[] = [];
    const q = createInProcessQueue({
      handlers: all({ "email.send": async (p) => void seen.push(p.emailId) }),
    });
    try {
      await q.enqueue("email.send", { emailId: randomUUID() }, { delayMs: 30 * 24 * 3600_000 });
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toEqual([]);
    } finally {
      await q.close();
    }
  });
});

/** A Redis server of this test's own, so it can really be stopped and started again. */
async function ownRedis() {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
  let proc: ChildProcess | undefined;
  const start = async () => {
    proc = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
    const deadline = Date.now() + 5_000;
    for (;;) {
      const up = await new Promise<boolean>((resolve) => {
        const c = connect(port, "127.0.0.1", () => {
          c.end();
          resolve(true);
        }).on("error", () => resolve(false));
      });
      if (up) return;
      if (Date.now() > deadline) throw new Error("redis-server did not start");
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    if (!proc || proc.exitCode !== null) return;
    const gone = new Promise((r) => proc!.once("exit", r));
    proc.kill("SIGKILL");
    await gone;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop };
}

const hasRedisServer = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].some(existsSync);

describe.runIf(hasRedisServer)("BullMQ producer while its Redis is down", () => {
  it("fails an enqueue within its time limit, and enqueues and repeats again once Redis is back", async () => {
    const redis = await ownRedis();
    const opts = { url: redis.url, prefix: `t${randomUUID().slice(0, 8)}` };
    const q = createBullQueue({ ...opts, enqueueTimeoutMs: 1_000 });
    let runs = 0;
    const w = startBullWorkers({ ...opts, handlers: all({ "payments.reconcile": async () => void runs++ }) });
    try {
      await q.enqueue("email.send", { emailId: randomUUID() });
      await q.every("payments.reconcile", {}, 100);
      await until(() => runs > 0);
      await redis.stop();
      const started = Date.now();
      // Refused at once by the closed connection, or by the time limit if it has not noticed yet.
      const down = /Stream isn't writeable|Redis did not answer/;
      await expect(q.enqueue("email.send", { emailId: randomUUID() })).rejects.toThrow(down);
      expect(Date.now() - started).toBeLessThan(1_500);
      await expect(q.ping()).rejects.toThrow(down);

      await redis.start();
      const deadline = Date.now() + 15_000;
      for (;;) {
        const ok = await q.enqueue("email.send", { emailId: randomUUID() }).then(
          () => true,
          () => false,
        );
        if (ok) break;
        if (Date.now() > deadline) throw new Error("enqueue did not work again after Redis came back");
        await new Promise((r) => setTimeout(r, 200));
      }
      await q.ping();
      // That Redis came back empty (no persistence): the repeating job is scheduled again.
      const before = runs;
      await until(() => runs > before);
    } finally {
      await w.close().catch(() => {});
      await q.close().catch(() => {});
      await redis.stop();
    }
  }, 30_000);
});
