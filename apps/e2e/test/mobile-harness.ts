import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { loadConfig } from "@bazaar/core";
import { type BazaarServer, createServer } from "@bazaar/server";
import { type PreviewServer, preview } from "vite";
import { freePort } from "./harness";

const MOBILE = resolve(import.meta.dirname, "../../mobile");

/**
 * The mobile app's web build (`expo export --platform web`) into `outDir`. Built without
 * EXPO_PUBLIC_API_URL, it calls the API on its own origin, which the static server forwards.
 */
export async function exportMobileWeb(outDir: string): Promise<void> {
  const expo = join(MOBILE, "node_modules/.bin/expo");
  if (!existsSync(expo)) throw new Error(`expo CLI not found at ${expo}: run pnpm install`);
  const env: NodeJS.ProcessEnv = { ...process.env, CI: "1", NODE_ENV: "production", EXPO_NO_TELEMETRY: "1" };
  delete env.EXPO_PUBLIC_API_URL;
  await new Promise<void>((ok, fail) => {
    const child = spawn(expo, ["export", "--platform", "web", "--output-dir", outDir], {
      cwd: MOBILE,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (c) => {
      log += c;
    });
    child.stderr.on("data", (c) => {
      log += c;
    });
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0 ? ok() : fail(new Error(`expo export failed (${code}):\n${log.slice(-4000)}`)),
    );
  });
}

/** Serves the export as a static single-page app; the API's paths go to `apiUrl`. */
export function serveMobileWeb(dir: string, port: number, apiUrl: string): Promise<PreviewServer> {
  const target = apiUrl;
  return preview({
    configFile: false,
    // Root above the build: Vite refuses to treat a root as its own output directory.
    root: dirname(dir),
    logLevel: "warn",
    appType: "spa",
    build: { outDir: dir },
    preview: {
      port,
      strictPort: true,
      host: "127.0.0.1",
      proxy: {
        "/trpc": { target },
        "/api": { target },
        "/media": { target },
        "^/track/[^/]+/qr\\.(png|svg)$": { target },
        "/dev/checkout": { target },
      },
    },
  });
}

export type MobileStack = {
  tmpDir: string;
  api: BazaarServer;
  apiUrl: string;
  webUrl: string;
  close(): Promise<void>;
};

/**
 * The API on embedded defaults (PGlite, in-process jobs, .eml outbox) and the mobile web
 * build beside it, on free ports. The web build's origin is the API's MOBILE_WEB_URL.
 */
export async function startMobileStack(name: string): Promise<MobileStack> {
  const tmpDir = await mkdtemp(join(tmpdir(), `bazaar-e2e-${name}-`));
  let api: BazaarServer | undefined;
  let web: PreviewServer | undefined;
  const close = async () => {
    await web?.close();
    await api?.close();
    await rm(tmpDir, { recursive: true, force: true });
  };
  try {
    // Only this file serves the mobile build, so it exports it here rather than in the global
    // setup every browser test waits for. This is also CI's `expo export --platform web` check.
    const dir = join(tmpDir, "mobile");
    await exportMobileWeb(dir);
    const [apiPort, webPort] = [await freePort(), await freePort()];
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const webUrl = `http://127.0.0.1:${webPort}`;
    api = await createServer(
      loadConfig({
        DATA_DIR: tmpDir,
        NODE_ENV: "test",
        BCRYPT_COST: "4",
        LOG_LEVEL: "silent",
        SEED_DEMO: "false",
        PORT: String(apiPort),
        PUBLIC_API_URL: apiUrl,
        MOBILE_WEB_URL: webUrl,
      }),
    );
    await api.app.listen({ port: apiPort, host: "127.0.0.1" });
    web = await serveMobileWeb(dir, webPort, apiUrl);
    return { tmpDir, api, apiUrl, webUrl, close };
  } catch (error) {
    await close();
    throw error;
  }
}
