import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

/**
 * The API-CPU-bound reads of bench/reads.ts alone (list hot, detail over 1,000 slugs,
 * auth.me), for working on them: API CPU per request beside req/s, against the bare
 * route, on a database seeded already (DATABASE_URL, e.g. by seed:catalog; PGlite under
 * DATA_DIR otherwise). On a machine shared with other work the CPU figure is the one to
 * trust. NODE_ARGS are passed to the server's node (e.g. `--import ./profile-hook.mjs` with
 * PROFILE=1: SIGUSR2 around each measured run).
 *   tsx bench/hot-reads.ts [list|detail|me …]
 */
const duration = Number(process.env.BENCH_SECONDS || 6);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
const only = process.argv.slice(2);

const child = spawn(
  process.execPath,
  [...(process.env.NODE_ARGS?.split(" ").filter(Boolean) ?? []), "--import", "tsx", "bench/serve-reads.ts"],
  {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, RUN_JOBS_IN_PROCESS: "true", REDIS_URL: "" },
  },
);
const info = JSON.parse(
  await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  }),
) as { api: string; bare: string; accessToken: string; slugs: string[]; categories: string[] };

const trpc = (path: string, input: unknown) =>
  `/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
const cycle = (items: string[]) => {
  let i = 0;
  return () => items[i++ % items.length]!;
};
/** The server's CPU time so far, µs: user (our JavaScript) and system (mostly socket writes), from /proc. */
const cpu = () => {
  const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { user: Number(f[11]) * 10_000, system: Number(f[12]) * 10_000 };
};

async function measure(url: string, next: () => string, headers?: Record<string, string>) {
  const base = {
    url,
    connections,
    headers,
    requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: next() }) }],
  };
  // Every distinct path loaded once (1,000 product pages are 1,000 cache misses, slow on a
  // busy machine), then 2 s of warm-up: what follows measures the warm path only.
  await autocannon({ ...base, amount: 1000 });
  await autocannon({ ...base, duration: 2 });
  const c0 = cpu();
  if (process.env.PROFILE) child.kill("SIGUSR2");
  const r = await autocannon({ ...base, duration });
  if (process.env.PROFILE) child.kill("SIGUSR2");
  const c1 = cpu();
  if (r.non2xx > 0 || r.errors > r.timeouts) throw new Error(`${r.non2xx} non-2xx, ${r.errors} errors`);
  const n = Math.max(1, r.requests.total);
  return { rps: r.requests.average, user: (c1.user - c0.user) / n, system: (c1.system - c0.system) / n };
}

const hot = trpc("catalog.products.list", { category: info.categories[0], sort: "price_asc", limit: 20 });
const workloads: [string, string, () => string, Record<string, string>?][] = [
  ["bare", info.bare, cycle(info.slugs.map((s) => `/bare/${s}`))],
  ["list", info.api, () => hot],
  ["detail", info.api, cycle(info.slugs.map((slug) => trpc("catalog.products.bySlug", { slug })))],
  ["me", info.api, () => "/trpc/auth.me", { authorization: `Bearer ${info.accessToken}` }],
];
try {
  let bare = { rps: 0, user: 0, system: 0 };
  for (const [name, url, next, headers] of workloads) {
    if (name !== "bare" && only.length > 0 && !only.includes(name)) continue;
    const r = await measure(url, next, headers);
    if (name === "bare") bare = r;
    console.log(
      `${name.padEnd(8)} ${r.rps.toFixed(0).padStart(6)} req/s  API CPU/req ${r.user.toFixed(0).padStart(4)} µs user + ${r.system.toFixed(0).padStart(4)} µs system` +
        (name === "bare"
          ? ""
          : `   ratio ${((r.rps / bare.rps) * 100).toFixed(0)}%  CPU ratio ${(((bare.user + bare.system) / (r.user + r.system)) * 100).toFixed(0)}%`),
    );
  }
  const mem = (await (await fetch(`${info.bare}/rss`)).json()) as { rss: number; rssAtStart: number };
  console.log(
    `RSS ${(mem.rssAtStart / 2 ** 20).toFixed(0)} MB at start, ${(mem.rss / 2 ** 20).toFixed(0)} MB after`,
  );
} finally {
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}
