import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveWebApp, webApps } from "../src/web-static";

// The static server `npm start` puts in front of a built web app, against a stand-in API
// that echoes what reached it, so the tests see exactly what is forwarded and how.
let root: string;
let api: Server;
let apiUrl: URL;
let web: Awaited<ReturnType<typeof serveWebApp>>;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "bazaar-web-"));
  const dist = join(root, "apps", "customer-web", "dist");
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>shop</title>");
  writeFileSync(join(dist, "assets", "app-abc123.js"), "console.log(1)");
  api = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url?.startsWith("/trpc/live")) {
        // A live stream: the first event must reach the browser before the stream ends.
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("event: connected\ndata: {}\n\n");
        return;
      }
      res.writeHead(201, { "content-type": "application/json", "set-cookie": "bazaar_rt=t; Path=/trpc" });
      res.end(JSON.stringify({ method: req.method, url: req.url, body, host: req.headers.host }));
    });
  });
  await new Promise<void>((ok) => api.listen(0, "127.0.0.1", ok));
  const address = api.address() as { port: number };
  apiUrl = new URL(`http://127.0.0.1:${address.port}`);
  const [customer] = webApps(root, { customer: 0, seller: 0, admin: 0 });
  web = await serveWebApp(customer!, { host: "127.0.0.1", api: apiUrl });
  base = `http://127.0.0.1:${(web.server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await web?.close();
  api?.closeAllConnections();
  await new Promise((ok) => api?.close(ok));
  rmSync(root, { recursive: true, force: true });
});

describe("the built web app's static server", () => {
  it("answers client-side routes with the app's page, never cached", async () => {
    for (const path of ["/", "/products/silk-saree", "/orders?status=open"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain("<title>shop</title>");
    }
  });

  it("serves hashed assets cached for good, and a missing asset as 404, not the page", async () => {
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await asset.text()).toBe("console.log(1)");
    expect((await fetch(`${base}/assets/gone-000.js`)).status).toBe(404);
  });

  it("forwards the API's paths with method, body, status and cookies untouched", async () => {
    const res = await fetch(`${base}/trpc/auth.login?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"0":{"json":{"email":"a@b.in"}}}',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("set-cookie")).toBe("bazaar_rt=t; Path=/trpc");
    const seen = (await res.json()) as { method: string; url: string; body: string; host: string };
    expect(seen).toMatchObject({
      method: "POST",
      url: "/trpc/auth.login?batch=1",
      body: '{"0":{"json":{"email":"a@b.in"}}}',
    });
    // The browser's Host, as vite's proxy leaves it.
    expect(seen.host).toBe(new URL(base).host);
    for (const path of ["/api/media", "/media/x.png", "/dev/checkout/1", "/track/ABC123/qr.png"])
      expect((await fetch(`${base}${path}`)).status, path).toBe(201);
    // The tracking page itself is the app's, only its QR image is the API's.
    expect(await (await fetch(`${base}/track/ABC123`)).text()).toContain("<title>shop</title>");
  });

  it("streams live events through without waiting for the stream to end", async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/trpc/live`, { signal: controller.signal });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain("event: connected");
    controller.abort();
  });

  it("answers 502 naming the API when it is down", async () => {
    const [customer] = webApps(root, { customer: 0, seller: 0, admin: 0 });
    const orphan = await serveWebApp(customer!, { host: "127.0.0.1", api: new URL("http://127.0.0.1:1") });
    try {
      const port = (orphan.server.address() as { port: number }).port;
      const res = await fetch(`http://127.0.0.1:${port}/trpc/auth.me`);
      expect(res.status).toBe(502);
      expect(await res.text()).toContain("http://127.0.0.1:1");
    } finally {
      await orphan.close();
    }
  });

  it("refuses to start on an app that was never built", async () => {
    const [, seller] = webApps(root, { customer: 0, seller: 0, admin: 0 });
    await expect(serveWebApp(seller!, { host: "127.0.0.1", api: apiUrl })).rejects.toThrow(
      /seller-web is not built/,
    );
  });
});
