#!/usr/bin/env node
// The README's two commands: `npm start` and `npm test`. Each works on a machine with only
// Node 20+ and npm: it brings the pinned pnpm, installs from the lockfile, then runs.
import { spawn, spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PNPM = "10.34.9";
const task = process.argv[2];
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  npm_config_nodedir: process.env.npm_config_nodedir ?? "/usr",
};

const have = spawnSync("pnpm", ["--version"], { encoding: "utf8", env });
const pnpm = have.stdout?.trim() === PNPM ? ["pnpm"] : ["npx", "--yes", `pnpm@${PNPM}`];

function run(args, opts = {}) {
  const r = spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { cwd: root, stdio: "inherit", env, ...opts });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(["install", "--frozen-lockfile", "--prefer-offline", "--reporter=silent"]);

if (task === "test") {
  // One package at a time: each one's vitest already uses both cores.
  run(["exec", "turbo", "run", "test", "--concurrency=1", "--continue"]);
} else if (task === "start") {
  // Packages run in their own folders; keep the embedded data where the README says: ./.data
  env.DATA_DIR = resolve(root, process.env.DATA_DIR ?? ".data");
  console.log("Building the web apps…");
  run(["--filter", "./apps/*-web", "--reporter=silent", "build"]);
  const children = [
    ["server", ["--filter", "@bazaar/server", "start"]],
    ["customer-web", ["--filter", "@bazaar/customer-web", "preview"]],
    ["seller-web", ["--filter", "@bazaar/seller-web", "preview"]],
    ["admin-web", ["--filter", "@bazaar/admin-web", "preview"]],
  ].map(([name, args]) => {
    const child = spawn(pnpm[0], [...pnpm.slice(1), "--silent", ...args], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group: pnpm does not pass signals on to what it runs, so stopping
      // signals the whole group (pnpm, vite, the server) at once.
      detached: true,
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
    child.on("exit", (code) => {
      if (!stopping) {
        console.error(`[${name}] exited with ${code}; stopping everything`);
        stop(code ?? 1);
      }
    });
    return child;
  });
  let stopping = false;
  const stop = (code = 0) => {
    stopping = true;
    for (const c of children) {
      try {
        process.kill(-c.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
    setTimeout(() => process.exit(code), 2000).unref();
  };
  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
} else {
  console.error("usage: node scripts/run.mjs start|test");
  process.exit(2);
}
