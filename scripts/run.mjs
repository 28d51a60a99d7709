#!/usr/bin/env node
// The README's two commands: `npm start` and `npm test`. Each works on a machine with only
// Node 20+ and npm: it brings the pinned pnpm, installs from the lockfile, then runs.
//
// `npm start` runs what production runs: the API built to plain JavaScript (`node
// apps/server/dist/main.js`) and the three built web apps behind a static server
// (`node apps/server/dist/web.js`), each rebuilt only when its sources changed. Whatever
// fails is told in one line naming the setting or port at fault, and the exit code is not 0.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// Node flags and environment of the API and the worker, and why (#14): one place, read by the memory bench too.
import { RUNTIME_ENV, SERVER_FLAGS, WORKER_FLAGS } from "./node-flags.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PNPM = "10.34.9";
const task = process.argv[2];
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  npm_config_nodedir: process.env.npm_config_nodedir ?? "/usr",
};

function fail(message, code = 1) {
  console.error(`npm start: ${message}`);
  process.exit(code);
}

let pnpmCommand;
function pnpm(args, opts = {}) {
  if (!pnpmCommand) {
    const have = spawnSync("pnpm", ["--version"], { encoding: "utf8", env });
    pnpmCommand = have.stdout?.trim() === PNPM ? ["pnpm"] : ["npx", "--yes", `pnpm@${PNPM}`];
  }
  const r = spawnSync(pnpmCommand[0], [...pnpmCommand.slice(1), ...args], {
    cwd: root,
    stdio: "inherit",
    env,
    ...opts,
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// ---- content stamps: rebuild (or reinstall) only what changed ----------------------------
const SKIP = new Set(["node_modules", "dist", ".turbo", ".data", "coverage", ".tmp"]);
function hashTree(hash, path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) if (!SKIP.has(name)) hashTree(hash, join(path, name));
  } else if (st.isFile()) {
    hash.update(`${path.slice(root.length)}\0`);
    hash.update(readFileSync(path));
  }
}
function stampOf(paths) {
  const hash = createHash("sha256");
  for (const p of paths) hashTree(hash, join(root, p));
  return hash.digest("hex");
}
const readStamp = (file) => (existsSync(file) ? readFileSync(file, "utf8").trim() : null);

// ---- one npm start at a time --------------------------------------------------------------
// A second one would rebuild the apps the first is serving and fight over its ports and
// (on the embedded database) its data directory, which PGlite must not share.
const LOCK = join(root, "node_modules", ".bazaar-start.pid");
function takeLock() {
  const other = Number(readStamp(LOCK));
  if (other && other !== process.pid) {
    try {
      process.kill(other, 0);
      fail(`another npm start is already running (pid ${other}); stop it first (Ctrl-C in its terminal)`);
    } catch (error) {
      if (error.code === "EPERM") fail(`another npm start is already running (pid ${other}); stop it first`);
      // ESRCH: a stale lock left by a killed run.
    }
  }
  mkdirSync(dirname(LOCK), { recursive: true });
  writeFileSync(LOCK, String(process.pid));
  process.on("exit", () => {
    if (readStamp(LOCK) === String(process.pid)) rmSync(LOCK, { force: true });
  });
}

/** Whether a TCP port can be bound on host now (it is free). */
const portFree = (port, host) =>
  new Promise((ok) => {
    const s = createServer();
    s.once("error", () => ok(false));
    s.listen({ port, host, exclusive: true }, () => s.close(() => ok(true)));
  });

/** Fails fast, before any build, when DATABASE_URL points at nothing that listens. */
async function reachDatabase(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    fail("DATABASE_URL is not a URL (e.g. postgres://user:password@127.0.0.1:5432/bazaar)");
  }
  const at = `${u.hostname}:${u.port || 5432}`;
  const problem = await new Promise((ok) => {
    const socket = connect({ host: u.hostname.replace(/^\[|\]$/g, ""), port: Number(u.port || 5432) });
    socket.setTimeout(3000, () => {
      socket.destroy();
      ok("no answer in 3 s");
    });
    socket.once("connect", () => {
      socket.destroy();
      ok(null);
    });
    socket.once("error", (error) => ok(error.code ?? error.message));
  });
  if (problem) fail(`DATABASE_URL: cannot reach PostgreSQL at ${at} (${problem})`);
}

function install() {
  const stampFile = join(root, "node_modules", ".bazaar-install-stamp");
  const manifests = ["pnpm-lock.yaml", "pnpm-workspace.yaml", "package.json"];
  for (const dir of ["apps", "packages", "tooling"])
    for (const name of readdirSync(join(root, dir)))
      if (existsSync(join(root, dir, name, "package.json"))) manifests.push(join(dir, name, "package.json"));
  const stamp = stampOf(manifests);
  if (readStamp(stampFile) === stamp && existsSync(join(root, "node_modules", ".modules.yaml"))) return;
  pnpm(["install", "--frozen-lockfile", "--prefer-offline", "--reporter=silent"]);
  writeFileSync(stampFile, stamp);
}

if (task === "test") {
  pnpm(["install", "--frozen-lockfile", "--prefer-offline", "--reporter=silent"]);
  // One package at a time: each one's vitest already uses both cores.
  pnpm(["exec", "turbo", "run", "test", "--concurrency=1", "--continue"]);
} else if (task === "start") {
  await start();
} else {
  console.error("usage: node scripts/run.mjs start|test");
  process.exit(2);
}

async function start() {
  const started = Date.now();
  takeLock();
  // Quiet unless asked: the banner and warnings, not a line per request.
  env.LOG_LEVEL ||= "warn";
  // Packages run in their own folders; keep the embedded data where the README says: ./.data
  env.DATA_DIR = resolve(root, process.env.DATA_DIR || ".data");
  const host = env.HOST || "127.0.0.1";
  const apiPort = Number(env.PORT || 3000);
  env.BAZAAR_API_URL ||= `http://127.0.0.1:${apiPort}`;
  const ports = [
    ["PORT", apiPort],
    ["CUSTOMER_WEB_PORT", Number(env.CUSTOMER_WEB_PORT || 5173)],
    ["SELLER_WEB_PORT", Number(env.SELLER_WEB_PORT || 5174)],
    ["ADMIN_WEB_PORT", Number(env.ADMIN_WEB_PORT || 5175)],
  ];
  // Moved web apps: the API's links, CORS origins and banner follow, unless set on their own.
  for (const [app, i] of [
    ["CUSTOMER", 1],
    ["SELLER", 2],
    ["ADMIN", 3],
  ])
    if (env[`${app}_WEB_PORT`] && !env[`${app}_WEB_URL`])
      env[`${app}_WEB_URL`] = `http://localhost:${ports[i][1]}`;
  for (const [name, port] of ports) {
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      fail(`${name} must be a port number (got "${env[name]}")`);
    if (!(await portFree(port, host)))
      fail(`port ${port} on ${host} is in use: stop what listens there or set ${name}`);
  }

  if (env.DATABASE_URL) await reachDatabase(env.DATABASE_URL);

  install();

  // ---- build what changed: the API (esbuild) and the three web apps (vite) --------------
  // Web apps read the shared client, UI and schema packages; the API every server package.
  // With Redis and PostgreSQL, jobs run in the worker process (unless forced in-process).
  const withWorker = Boolean(env.REDIS_URL && env.DATABASE_URL && env.RUN_JOBS_IN_PROCESS !== "true");
  const webInputs = ["packages/client", "packages/ui", "packages/schemas", "pnpm-lock.yaml"];
  const targets = [
    {
      name: "server",
      dir: "apps/server",
      inputs: [
        "apps/server/src",
        "apps/server/package.json",
        ...["api", "core", "db", "jobs", "schemas"].map((p) => `packages/${p}`),
        "scripts/bundle.mjs",
        "pnpm-lock.yaml",
      ],
      commands: [
        [
          process.execPath,
          ["../../scripts/bundle.mjs", "src/main.ts", "src/web.ts", "src/build-pglite-template.ts"],
        ],
        // The migrated PGlite database a first start on the embedded database copies
        // (apps/server/src/embedded-template.ts): built with the server whatever the database,
        // so a dist built for PostgreSQL serves the embedded one too.
        [
          process.execPath,
          ["--liftoff-only", "dist/build-pglite-template.js"],
          { optional: "no PGlite template: a first start runs initdb and the migrations itself" },
        ],
      ],
    },
    ...(withWorker
      ? [
          {
            name: "worker",
            dir: "apps/worker",
            inputs: [
              "apps/worker/src",
              ...["core", "db", "jobs", "schemas"].map((p) => `packages/${p}`),
              "pnpm-lock.yaml",
            ],
            commands: [[process.execPath, ["../../scripts/bundle.mjs", "src/main.ts"]]],
          },
        ]
      : []),
    ...["customer-web", "seller-web", "admin-web"].map((name) => ({
      name,
      dir: `apps/${name}`,
      inputs: [`apps/${name}`, ...webInputs],
      commands: [[process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn"]]],
    })),
  ];
  const stale = targets
    .map((t) => ({
      ...t,
      stamp: stampOf(t.inputs),
      stampFile: join(root, t.dir, "dist", ".bazaar-build-stamp"),
    }))
    .filter((t) => readStamp(t.stampFile) !== t.stamp);
  if (stale.length > 0) {
    console.log(`Building ${stale.map((t) => t.name).join(", ")}…`);
    const run = (t, [command, args]) =>
      new Promise((ok) => {
        const child = spawn(command, args, {
          cwd: join(root, t.dir),
          env,
          stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        child.stdout.on("data", (c) => (output += c));
        child.stderr.on("data", (c) => (output += c));
        child.on("exit", (code) => ok({ code, output }));
      });
    // Targets side by side; each one's commands in turn, stopping at the first that fails.
    const results = await Promise.all(
      stale.map(async (t) => {
        let output = "";
        for (const command of t.commands) {
          const r = await run(t, command);
          output += r.output;
          if (r.code !== 0 && command[2]?.optional) {
            console.warn(`[${t.name}] ${command[2].optional}:\n${r.output.trim()}`);
          } else if (r.code !== 0) return { ...t, code: r.code, output };
        }
        return { ...t, code: 0, output };
      }),
    );
    const failed = results.filter((r) => r.code !== 0);
    for (const r of failed) console.error(`[${r.name}] ${r.output.trim()}`);
    if (failed.length > 0) fail(`could not build ${failed.map((r) => r.name).join(", ")} (see above)`);
    for (const r of results) writeFileSync(r.stampFile, r.stamp);
  }

  // ---- run ----------------------------------------------------------------------------------
  const children = [
    ["server", "apps/server/dist/main.js"],
    ["web", "apps/server/dist/web.js"],
    ...(withWorker ? [["worker", "apps/worker/dist/main.js"]] : []),
  ].map(([name, script]) => {
    const flags = name === "server" ? SERVER_FLAGS : name === "worker" ? WORKER_FLAGS : [];
    const child = spawn(process.execPath, [...flags, join(root, script)], {
      cwd: join(root, "apps/server"),
      env: name === "web" ? env : { ...RUNTIME_ENV, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const prefix = (chunk) =>
      chunk
        .toString()
        .split("\n")
        .filter((l) => l.trim())
        // The server's own banner is printed as is; everything else is tagged with its source.
        .map((l) => (name === "server" && l.startsWith("  ") ? l : `[${name}] ${l}`))
        .join("\n");
    child.stdout.on("data", (c) => console.log(prefix(c)));
    child.stderr.on("data", (c) => console.error(prefix(c)));
    child.on("exit", (code, signal) => {
      if (stopping) return;
      // Before ready, the part has said in its own line what is wrong.
      if (ready)
        console.error(`npm start: ${name} stopped (${signal ?? `exit code ${code}`}); stopping everything`);
      stop(code || 1);
    });
    return child;
  });
  let stopping = false;
  let ready = false;
  const stop = (code = 0) => {
    stopping = true;
    for (const c of children) c.kill("SIGTERM");
    // The server drains requests and jobs first; it forces itself out after 15 s.
    let left = children.filter((c) => c.exitCode === null && c.signalCode === null).length;
    if (left === 0) process.exit(code);
    for (const c of children)
      c.once("exit", () => {
        if (--left === 0) process.exit(code);
      });
    setTimeout(() => process.exit(code), 20_000).unref();
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));

  // Ready when the API answers /readyz and every web app its page.
  const urls = [
    `http://127.0.0.1:${apiPort}/readyz`,
    ...ports.slice(1).map(([, p]) => `http://127.0.0.1:${p}/`),
  ];
  const answers = async (url) => {
    try {
      return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;
    } catch {
      return false;
    }
  };
  while (!stopping) {
    if ((await Promise.all(urls.map(answers))).every(Boolean)) {
      ready = true;
      console.log(`Bazaar is ready (${((Date.now() - started) / 1000).toFixed(1)} s). Ctrl-C stops it.`);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
