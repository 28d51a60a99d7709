import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveWebApp, webApps } from "./web-static";

/**
 * `node apps/server/dist/web.js`: the three built web apps, each on its own port (5173,
 * 5174, 5175 as in development), forwarding the API's paths to BAZAAR_API_URL. What
 * `npm start` runs instead of `vite preview`, which is not meant for production.
 */
// biome-ignore lint/style/noProcessEnv: a static server with four settings, not the API's config
const env = process.env;
const port = (name: string, fallback: number) => {
  const raw = env[name];
  const n = raw ? Number(raw) : fallback;
  if (!Number.isInteger(n) || n < 1 || n > 65535) fail(`${name} must be a port number (got "${raw}")`);
  return n;
};
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

// dist/web.js or src/web.ts: the repository is two folders above apps/server.
const rootDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const host = env.HOST || "127.0.0.1";
const apiRaw = env.BAZAAR_API_URL || `http://127.0.0.1:${env.PORT || 3000}`;
let api: URL;
try {
  api = new URL(apiRaw);
} catch {
  fail(`BAZAAR_API_URL is not a URL: "${apiRaw}"`);
}
const apps = webApps(rootDir, {
  customer: port("CUSTOMER_WEB_PORT", 5173),
  seller: port("SELLER_WEB_PORT", 5174),
  admin: port("ADMIN_WEB_PORT", 5175),
});
const envName = {
  "customer-web": "CUSTOMER_WEB_PORT",
  "seller-web": "SELLER_WEB_PORT",
  "admin-web": "ADMIN_WEB_PORT",
};

const servers = await Promise.all(
  apps.map((app) =>
    serveWebApp(app, { host, api }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE")
        fail(
          `${app.name}: port ${app.port} on ${host} is in use (set ${envName[app.name as keyof typeof envName]})`,
        );
      fail(`${app.name}: ${error.message}`);
    }),
  ),
);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0)));
