import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { createInterface } from "node:readline";
import { createDb } from "@bazaar/db";
import autocannon from "autocannon";

export const connections = Number(process.env.BENCH_CONNECTIONS || 20);
export const duration = Number(process.env.BENCH_SECONDS || 10);

/**
 * Starts a bench server script in its own process, so the load generator does not share
 * its event loop, and returns the one JSON line it prints when ready.
 */
export async function startServer<T>(script: string, env: NodeJS.ProcessEnv = process.env) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", script], {
    stdio: ["ignore", "pipe", "inherit"],
    env,
  });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", resolve);
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return { child, info: JSON.parse(first) as T };
}

export type Row = { title: string; rps: number; p50: number; p90: number; p99: number; total: number };

/** A short warm-up so JIT and pools settle, then the measured run; any failed request fails the bench. */
export async function measure(title: string, opts: autocannon.Options): Promise<Row> {
  await autocannon({ connections, ...opts, duration: 2 });
  const r = await autocannon({ connections, duration, ...opts });
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

export function printTable(heading: string, rows: Row[]) {
  console.log(`\n${heading}`);
  console.log("route                          req/s     p50 ms  p90 ms  p99 ms  requests");
  for (const r of rows)
    console.log(
      `${r.title.padEnd(29)} ${r.rps.toFixed(0).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p90).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.total).padStart(9)}`,
    );
}

/**
 * With DATABASE_URL set, a fresh database `name` created through that connection, so a
 * benchmark never reads another run's rows; without it, undefined (PGlite in a temp dir).
 */
export async function freshDatabaseUrl(name: string): Promise<string | undefined> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return undefined;
  const admin = await createDb({ url: adminUrl, poolSize: 1 });
  await admin.db.execute(`drop database if exists ${name} with (force)`);
  await admin.db.execute(`create database ${name}`);
  await admin.close();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(name: string) {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl || process.env.BENCH_KEEP === "1") return;
  const admin = await createDb({ url: adminUrl, poolSize: 1 });
  await admin.db.execute(`drop database if exists ${name} with (force)`);
  await admin.close();
}

/**
 * BENCH_PROFILE=<file>: a CPU profile of this bench server from now until the returned
 * function is called (at SIGTERM), written to that file (open it in Chrome's DevTools).
 * Without it, a no-op.
 */
export async function profileIfAsked(): Promise<() => Promise<void>> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return async () => {};
  const profiler = new Session();
  profiler.connect();
  await profiler.post("Profiler.enable");
  await profiler.post("Profiler.start");
  return async () => {
    const { profile } = await profiler.post("Profiler.stop");
    writeFileSync(file, JSON.stringify(profile));
  };
}
