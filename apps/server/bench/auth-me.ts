import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import autocannon from "autocannon";

/**
 * `pnpm bench`: requests/s and latency of `auth.me` (JWT check, the live-session query, then the profile query)
 * against a bare Fastify route in the same run, so the ratio survives a slower machine.
 * Uses PostgreSQL when DATABASE_URL is set, else PGlite.
 */
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const duration = Number(process.env.BENCH_SECONDS ?? 10);

const child = spawn(process.execPath, ["--import", "tsx", "bench/serve.ts"], {
  stdio: ["ignore", "pipe", "inherit"],
});
const first = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout! }).once("line", resolve);
  child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
});
const { api, bare, accessToken, driver } = JSON.parse(first) as Record<string, string>;

async function measure(title: string, url: string, headers: Record<string, string> = {}) {
  // A short warm-up so JIT and pools settle before the measured run.
  await autocannon({ url, connections, duration: 2, headers });
  const r = await autocannon({ url, connections, duration, headers });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${title}: ${r.non2xx} non-2xx, ${r.errors} errors`);
  return {
    title,
    rps: r.requests.average,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    total: r.requests.total,
  };
}

try {
  const rows = [
    await measure("bare Fastify route", `${bare}/bare`),
    await measure("auth.me", `${api}/trpc/auth.me`, { authorization: `Bearer ${accessToken}` }),
  ];
  console.log(
    `\nauth.me vs bare route — ${driver}, ${connections} connections, ${duration}s each, node ${process.version}`,
  );
  console.log("route                 req/s     p50 ms  p90 ms  p99 ms  requests");
  for (const r of rows) {
    console.log(
      `${r.title.padEnd(20)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p90).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.total).padStart(9)}`,
    );
  }
  console.log(`ratio auth.me / bare: ${((rows[1]!.rps / rows[0]!.rps) * 100).toFixed(1)}%\n`);
} finally {
  child.kill("SIGTERM");
}
