import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadConfig } from "@bazaar/core";
import { type BazaarServer, createServer, serveWebApp, webApps } from "@bazaar/server";
import { type Browser, chromium } from "playwright-core";
import { build } from "vite";
import { inject } from "vitest";

/**
 * Shared set-up for the browser tests: the web apps built by Vite and served by the static
 * server `npm start` runs (apps/server/src/web-static.ts), and Debian's Chromium.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const WEB_APPS = ["customer-web", "seller-web", "admin-web"] as const;
export type WebApp = (typeof WEB_APPS)[number];
const appRoot = (app: WebApp) => resolve(import.meta.dirname, "../..", app);

export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Production builds of the given apps into `outRoot/<app>`. */
export async function buildWebApps(apps: readonly WebApp[], outRoot: string): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await Promise.all(
      apps.map((app) =>
        build({
          root: appRoot(app),
          logLevel: "error",
          build: { outDir: join(outRoot, app), emptyOutDir: true },
        }),
      ),
    );
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/**
 * Serves a built app as `npm start` does (apps/server dist/web.js), forwarding the API's
 * paths to `apiUrl` so cookies stay first-party.
 */
export function serveBuiltWebApp(app: WebApp, outRoot: string, port: number, apiUrl: string) {
  // The production server's own list: the same paths forwarded to the API as in `npm start`.
  const served = webApps(outRoot, { customer: port, seller: port, admin: port }).find((w) => w.name === app)!;
  return serveWebApp({ ...served, root: join(outRoot, app) }, { host: "127.0.0.1", api: new URL(apiUrl) });
}

/** Headless Chromium from the system; a missing browser is an error, never a skip or a download. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH. ` +
        "Never download a browser with `playwright install`.",
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** The 6-digit code from the newest .eml in the outbox addressed to `email`. */
export async function readCode(outbox: string, email: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const files = existsSync(outbox) ? (await readdir(outbox)).filter((f) => f.endsWith(".eml")) : [];
    const candidates = await Promise.all(
      files.map(async (f) => ({ file: join(outbox, f), mtime: (await stat(join(outbox, f))).mtimeMs })),
    );
    for (const { file } of candidates.sort((a, b) => b.mtime - a.mtime)) {
      const raw = await readFile(file, "utf8");
      const to = /^To:\s*(.+)$/im.exec(raw)?.[1] ?? "";
      const code = /verification code is (\d{6})/.exec(raw)?.[1];
      if (to.toLowerCase().includes(email.toLowerCase()) && code) return code;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No verification email for ${email} in ${outbox} after ${timeoutMs} ms`);
}

export type Stack = {
  tmpDir: string;
  api: BazaarServer;
  apiUrl: string;
  url: Record<WebApp, string>;
  close(): Promise<void>;
};

/**
 * The whole product for one browser test: the given web apps built and served on free
 * ports, and the API on embedded defaults (PGlite, in-process jobs, .eml outbox) in a
 * temporary DATA_DIR. Seed through `api.runtime.deps` before opening pages.
 */
export async function startStack(
  name: string,
  apps: readonly WebApp[],
  /** Extra configuration, e.g. a provider's keys pointed at a local stub. */
  options: { env?: Record<string, string> } = {},
): Promise<Stack> {
  const tmpDir = await mkdtemp(join(tmpdir(), `bazaar-e2e-${name}-`));
  const webs: Awaited<ReturnType<typeof serveBuiltWebApp>>[] = [];
  let api: BazaarServer | undefined;
  const close = async () => {
    for (const web of webs) {
      // A page's live updates (SSE) are proxied streams the static server would wait for.
      web.server.closeAllConnections();
      await web.close();
    }
    await api?.close();
    await rm(tmpDir, { recursive: true, force: true });
  };
  try {
    // The run's global setup built every app once; a file run on its own without it builds here.
    const builds = inject("webBuildDir") ?? tmpDir;
    if (builds === tmpDir) await buildWebApps(apps, tmpDir);
    const apiPort = await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const url = {} as Record<WebApp, string>;
    const ports = await Promise.all(apps.map(() => freePort()));
    apps.forEach((app, i) => {
      url[app] = `http://127.0.0.1:${ports[i]}`;
    });
    api = await createServer(
      loadConfig({
        DATA_DIR: tmpDir,
        NODE_ENV: "test",
        BCRYPT_COST: "4",
        LOG_LEVEL: "silent",
        SEED_DEMO: "false",
        PORT: String(apiPort),
        // Locally stored images and the dev gateway's page are served from the API's origin.
        PUBLIC_API_URL: apiUrl,
        ...(url["customer-web"] && { CUSTOMER_WEB_URL: url["customer-web"] }),
        ...(url["seller-web"] && { SELLER_WEB_URL: url["seller-web"] }),
        ...(url["admin-web"] && { ADMIN_WEB_URL: url["admin-web"] }),
        ...options.env,
      }),
    );
    await api.app.listen({ port: apiPort, host: "127.0.0.1" });
    for (const [i, app] of apps.entries()) webs.push(await serveBuiltWebApp(app, builds, ports[i]!, apiUrl));
    return { tmpDir, api, apiUrl, url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
