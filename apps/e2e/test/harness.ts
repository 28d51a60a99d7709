import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { createServer as createNetServer } from "node:net";
import { join, resolve } from "node:path";
import { type Browser, chromium } from "playwright-core";
import { build, type PreviewServer, preview } from "vite";

/** Shared set-up for the browser tests: built web apps served by Vite, and Debian's Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export type WebApp = "customer-web" | "seller-web" | "admin-web";
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

/** Serves a built app, forwarding the API paths to `apiUrl` so cookies stay first-party. */
export function previewWebApp(
  app: WebApp,
  outRoot: string,
  port: number,
  apiUrl: string,
): Promise<PreviewServer> {
  const target = apiUrl;
  const proxy = {
    "/trpc": { target },
    "/api": { target },
    "/media": { target },
    // Tracking QR images only: /track/:code itself is a page of the customer app.
    "^/track/[^/]+/qr\\.(png|svg)$": { target },
    "/dev/checkout": { target },
  };
  return preview({
    root: appRoot(app),
    logLevel: "warn",
    build: { outDir: join(outRoot, app) },
    preview: { port, strictPort: true, host: "127.0.0.1", proxy },
  });
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
