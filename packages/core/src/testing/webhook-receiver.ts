import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: { type: string; timestamp: string; data: Record<string, unknown> };
};

/** What the receiver does with the next request to a path: answer a status, or never answer. */
export type Behaviour = number | "hang";

/**
 * A real HTTP server standing in for a shop's webhook receiver. Each path answers 200 unless
 * told otherwise, one behaviour per request in order (`respond("/a", 500, "hang")`).
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const plans = new Map<string, Behaviour[]>();
  const hung = new Set<() => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ path, headers: req.headers, body, json: JSON.parse(body) });
      const next = plans.get(path)?.shift() ?? 200;
      if (next === "hang") {
        const end = () => res.destroy();
        hung.add(end);
        return;
      }
      res.writeHead(next, { "content-type": "text/plain" }).end(next < 300 ? "ok" : "nope");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    respond: (path: string, ...behaviours: Behaviour[]) => plans.set(path, behaviours),
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of hung) end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Verifies a delivery the way the Standard Webhooks libraries do, written from the spec
 * rather than from our signer: the secret's base64 part after `whsec_` is the HMAC-SHA256
 * key, the signed content is `${webhook-id}.${webhook-timestamp}.${body}`, and the header
 * holds space-separated `v1,<base64>` signatures of which one must match.
 */
export function verifyStandardWebhook(secret: string, w: Pick<ReceivedWebhook, "headers" | "body">): boolean {
  const id = String(w.headers["webhook-id"] ?? "");
  const ts = String(w.headers["webhook-timestamp"] ?? "");
  const header = String(w.headers["webhook-signature"] ?? "");
  if (!id || !/^\d+$/.test(ts) || !header) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${ts}.${w.body}`).digest();
  return header.split(" ").some((part) => {
    const [version, sig] = part.split(",");
    if (version !== "v1" || !sig) return false;
    const got = Buffer.from(sig, "base64");
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}
