import { type ChildProcess, execFile, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "../../../..");
const servicesScript = join(root, "scripts/services.sh");

/** Whether this machine can run a private PostgreSQL 15 and Redis (CI installs both). */
export const canRunServices =
  existsSync("/usr/lib/postgresql/15/bin/postgres") &&
  ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].some(existsSync);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export type Services = {
  databaseUrl: string;
  redisUrl: string;
  stop(which: "pg" | "redis"): Promise<void>;
  start(which: "pg" | "redis"): Promise<void>;
  close(): Promise<void>;
};

/**
 * A PostgreSQL 15 and a Redis of this test's own, on free ports, started with the same
 * script as CI's. Faults (a restart, an outage) are real: the servers really stop, and
 * nothing else under test shares them.
 */
export async function startServices(): Promise<Services> {
  const dir = mkdtempSync(join(tmpdir(), "bazaar-faults-"));
  // The PostgreSQL server runs as the `postgres` user, which must reach its data dir.
  chmodSync(dir, 0o755);
  const env = {
    ...process.env,
    PG_PORT: String(await freePort()),
    PG_DIR: join(dir, "pg"),
    REDIS_PORT: String(await freePort()),
    REDIS_DIR: join(dir, "redis"),
  };
  const services = async (...args: string[]) => (await run(servicesScript, args, { env })).stdout;
  const exports = await services("start");
  const value = (name: string) => new RegExp(`export ${name}=(\\S+)`).exec(exports)?.[1] ?? "";
  return {
    databaseUrl: value("DATABASE_URL"),
    redisUrl: value("REDIS_URL"),
    stop: async (which) => void (await services("stop", which)),
    start: async (which) => void (await services("start", which)),
    async close() {
      await services("stop").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type AppProcess = {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
};

/**
 * The server or the worker as its own OS process, as production runs it, so that "the
 * process survives" means exactly that. Resolves once the server answers /healthz (or,
 * for the worker, once it says it started).
 */
export async function startApp(
  app: "server" | "worker",
  env: Record<string, string>,
  options: { readyTimeoutMs?: number } = {},
): Promise<AppProcess> {
  const port = app === "server" ? await freePort() : 0;
  const cwd = join(root, "apps", app);
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: "test",
      LOG_LEVEL: "info",
      HOST: "127.0.0.1",
      PORT: String(port),
      SEED_DEMO: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (c) => (out += c));
  child.stderr!.on("data", (c) => (out += c));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited with ${child.exitCode}:\n${out}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${app} did not start:\n${out}`);
    }
    const up =
      app === "server"
        ? await fetch(`${url}/healthz`).then(
            (r) => r.ok,
            () => false,
          )
        : out.includes("worker started");
    if (up) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    output: () => out,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(t);
    },
  };
}
