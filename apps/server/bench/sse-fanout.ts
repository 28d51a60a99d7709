import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { dropDatabase, freshDatabaseUrl } from "./lib";

/**
 * `pnpm bench`: live fan-out over SSE. One API process (the real app in a child process,
 * PostgreSQL when DATABASE_URL is set, else PGlite) holds BENCH_SUBSCRIBERS (1,000) open
 * `messages.onMessage` streams of one inbox, each a real HTTP request from this process
 * with its own session (one buyer signed in that many times).
 * The shop then sends BENCH_ROUNDS (20) messages through `seller.messages.send`, one at a
 * time, each waited for on every stream. Reported: delivery latency from the moment the
 * send request leaves to the moment each stream has the event (p50/p99/max over all
 * deliveries, and the send call itself), the server's CPU time per message (user + system,
 * which a busy machine does not inflate as it does latency), and the server's memory per open
 * stream (RSS and heap after a GC, before and after opening them, divided by the count).
 *
 * Every event a stream delivers is re-checked against the session first (the stream ends
 * when the session does), so one message costs one indexed session read per stream: part of
 * what is measured, as it is in production.
 */
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS || 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 20);
const BENCH_DB = "bazaar_bench_sse";

type Info = {
  api: string;
  side: string;
  buyerTokens: string[];
  sellerToken: string;
  conversationId: string;
  driver: string;
};

// --expose-gc: the child collects garbage before it reports memory, so the delta is what the streams hold.
const child: ChildProcess = spawn(
  process.execPath,
  ["--expose-gc", "--import", "tsx", "bench/serve-sse.ts"],
  {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: await freshDatabaseUrl(BENCH_DB) },
  },
);
const info = JSON.parse(
  await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`serve-sse exited with ${code}`)));
  }),
) as Info;

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
const getJson = async (url: string) =>
  (await fetch(url)).json() as Promise<{ rss: number; heapUsed: number; cpuMs: number }>;

/** One open stream: when it received each event id. */
type Stream = { seen: Map<string, number>; req: http.ClientRequest; waiters: Map<string, () => void> };

function openStream(token: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${info.api}/trpc/messages.onMessage`);
    const stream: Stream = { seen: new Map(), req: undefined as never, waiters: new Map() };
    stream.req = http.get(
      url,
      {
        agent,
        headers: { accept: "text/event-stream", authorization: `Bearer ${token}` },
      },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding("utf8");
        let buffer = "";
        let opened = false;
        res.on("data", (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf("\n\n");
            const id = /^id: ?(.*)$/m.exec(block)?.[1];
            if (!opened) {
              // tRPC's first event says the stream is connected.
              opened = true;
              resolve(stream);
            }
            if (id && !stream.seen.has(id)) {
              stream.seen.set(id, at);
              stream.waiters.get(id)?.();
            }
          }
        });
        res.on("error", () => {});
      },
    );
    stream.req.on("error", reject);
  });
}

const waitFor = (s: Stream, id: string) =>
  s.seen.has(id)
    ? Promise.resolve()
    : new Promise<void>((resolve) => {
        s.waiters.set(id, resolve);
      });

async function send(body: string): Promise<{ seq: string; t0: number; sendMs: number }> {
  const t0 = performance.now();
  const res = await fetch(`${info.api}/trpc/seller.messages.send`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${info.sellerToken}` },
    body: JSON.stringify({ json: { conversationId: info.conversationId, body } }),
  });
  const sendMs = performance.now() - t0;
  const out = (await res.json()) as { result?: { data?: { json?: { seq: number } } }; error?: unknown };
  const seq = out.result?.data?.json?.seq;
  if (seq === undefined) throw new Error(`send failed: ${JSON.stringify(out.error ?? out)}`);
  return { seq: String(seq), t0, sendMs };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

try {
  const before = await getJson(`${info.side}/memory`);
  const streams: Stream[] = [];
  const openT0 = performance.now();
  for (let i = 0; i < SUBSCRIBERS; i += 50)
    streams.push(...(await Promise.all(info.buyerTokens.slice(i, i + 50).map(openStream))));
  const openMs = performance.now() - openT0;
  await new Promise((r) => setTimeout(r, 2000));
  const after = await getJson(`${info.side}/memory`);

  // One warm-up message, then the measured rounds.
  const warm = await send("warm-up");
  await Promise.all(streams.map((s) => waitFor(s, warm.seq)));
  const cpuBefore = await getJson(`${info.side}/memory`);
  const deliveries: number[] = [];
  const sends: number[] = [];
  const lastOfRound: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { seq, t0, sendMs } = await send(`Round ${round}: still in stock?`);
    await Promise.all(streams.map((s) => waitFor(s, seq)));
    const times = streams.map((s) => s.seen.get(seq)! - t0);
    deliveries.push(...times);
    lastOfRound.push(Math.max(...times));
    sends.push(sendMs);
  }
  const cpuAfter = await getJson(`${info.side}/memory`);
  const cpuPerMessage = (cpuAfter.cpuMs - cpuBefore.cpuMs) / ROUNDS;
  deliveries.sort((a, b) => a - b);
  sends.sort((a, b) => a - b);
  lastOfRound.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(1).padStart(8);
  console.log(
    `\nSSE fan-out — ${info.driver}, ${SUBSCRIBERS} open messages.onMessage streams on one API process, ${ROUNDS} messages, node ${process.version}`,
  );
  console.log(`opened ${SUBSCRIBERS} streams in ${(openMs / 1000).toFixed(1)} s`);
  console.log("                                 p50 ms   p99 ms   max ms");
  console.log(
    `delivery (send start → stream) ${f(pct(deliveries, 0.5))} ${f(pct(deliveries, 0.99))} ${f(deliveries.at(-1)!)}`,
  );
  console.log(
    `last stream of each message    ${f(pct(lastOfRound, 0.5))} ${f(pct(lastOfRound, 0.99))} ${f(lastOfRound.at(-1)!)}`,
  );
  console.log(
    `seller.messages.send call      ${f(pct(sends, 0.5))} ${f(pct(sends, 0.99))} ${f(sends.at(-1)!)}`,
  );
  // CPU time does not depend on how busy the machine is; wall-clock latency does.
  console.log(
    `server CPU per message: ${cpuPerMessage.toFixed(0)} ms (${((cpuPerMessage * 1000) / SUBSCRIBERS).toFixed(0)} µs per delivery, send included)`,
  );
  const kb = (bytes: number) => (bytes / SUBSCRIBERS / 1024).toFixed(1);
  console.log(
    `memory per open stream: RSS ${kb(after.rss - before.rss)} KiB, heap ${kb(after.heapUsed - before.heapUsed)} KiB ` +
      `(RSS ${(before.rss / 2 ** 20).toFixed(0)} → ${(after.rss / 2 ** 20).toFixed(0)} MiB)\n`,
  );
  for (const s of streams) s.req.destroy();
} finally {
  agent.destroy();
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  await dropDatabase(BENCH_DB);
}
