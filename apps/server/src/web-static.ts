import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import Fastify from "fastify";

/** One built web app and where it listens. */
export type WebApp = {
  name: string;
  /** The app's `vite build` output (index.html and assets/). */
  root: string;
  port: number;
  /** Requests forwarded to the API, as the app's vite.config.ts proxies them in dev. */
  proxy: (path: string) => boolean;
};

const prefixes =
  (...list: string[]) =>
  (path: string) =>
    list.some((p) => path.startsWith(p));

// Kept in step with apps/*-web/vite.config.ts: the API under the app's own origin, so the
// refresh cookie is first-party.
// /docs: the API reference (Swagger UI), linked from the seller app's API keys page (#16).
const sellerOrAdmin = prefixes("/trpc", "/api", "/media", "/docs");
const customer = (path: string) =>
  prefixes("/trpc", "/api", "/media", "/dev/checkout")(path) || /^\/track\/[^/]+\/qr\.(png|svg)$/.test(path);

export function webApps(
  rootDir: string,
  ports: { customer: number; seller: number; admin: number },
): WebApp[] {
  const dist = (name: string) => join(rootDir, "apps", name, "dist");
  return [
    { name: "customer-web", root: dist("customer-web"), port: ports.customer, proxy: customer },
    { name: "seller-web", root: dist("seller-web"), port: ports.seller, proxy: sellerOrAdmin },
    { name: "admin-web", root: dist("admin-web"), port: ports.admin, proxy: sellerOrAdmin },
  ];
}

/**
 * Streams one request to the API and its answer back, untouched and unbuffered (live
 * updates are server-sent events). The Host header stays the browser's, as vite's proxy
 * leaves it; the API's own address answers.
 */
function forward(api: URL, req: IncomingMessage, res: ServerResponse) {
  const upstream = request(
    {
      protocol: api.protocol,
      hostname: api.hostname,
      port: api.port,
      method: req.method,
      path: req.url,
      headers: req.headers,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders as unknown as Record<string, string>);
      answer.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
    res.end(`The Bazaar API at ${api.origin} did not answer.`);
  });
  // A browser that goes away (a closed live stream) ends the API's side too.
  res.on("close", () => upstream.destroy());
  req.pipe(upstream);
}

/**
 * A static server for one built app: hashed assets cached for good, index.html always
 * revalidated, every other path answered with index.html (client-side routes), and the
 * API's paths forwarded.
 */
export async function serveWebApp(app: WebApp, options: { host: string; api: URL }) {
  if (!existsSync(join(app.root, "index.html")))
    throw new Error(`${app.name} is not built: ${join(app.root, "index.html")} is missing`);
  const web = Fastify({
    logger: false,
    // Proxied paths skip Fastify entirely: their bodies and streams pass through as they are.
    serverFactory: (handler) =>
      createServer((req, res) => {
        const path = (req.url ?? "/").split("?", 1)[0]!;
        if (app.proxy(path)) forward(options.api, req, res);
        else handler(req, res);
      }),
  });
  const assets = join(app.root, "assets");
  await web.register(fastifyStatic, {
    root: app.root,
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, path) => {
      // vite names assets by their content hash: a new build gets new names.
      reply.header(
        "cache-control",
        path.startsWith(assets) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  web.setNotFoundHandler((req, reply) => {
    if (req.method !== "GET" && req.method !== "HEAD") return reply.code(404).send();
    // A missing asset is a 404, not the app's page (which the browser would try to run).
    if (req.url.startsWith("/assets/")) return reply.code(404).send();
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
  await web.listen({ port: app.port, host: options.host });
  return web;
}
