import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { guardedLookup, isLoopbackHost, type WebhookNetPolicy } from "./url-policy";

export type PostResult = { status: number | null; durationMs: number; error: string | null };

/**
 * One POST of a webhook body. Never throws: a refused address, a timeout or a reset is an
 * error text for the delivery log. The response body is read (at most 64 KB, then dropped)
 * only so the connection closes cleanly; redirects are not followed, as the Standard
 * Webhooks guidance says (a 3xx is a failed attempt).
 */
export function postWebhook(
  policy: WebhookNetPolicy,
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, durationMs: elapsed() });
    };
    const loopback = url.protocol === "http:" && policy.allowHttpLoopback && isLoopbackHost(url.hostname);
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: "POST",
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "Bazaar-Webhooks/1",
        },
        lookup: guardedLookup(policy, loopback) as never,
        agent: false,
      },
      (res) => {
        let seen = 0;
        res.on("data", (c: Buffer) => {
          seen += c.length;
          if (seen > 65_536) res.destroy();
        });
        const status = res.statusCode ?? null;
        const ok = status !== null && status >= 200 && status < 300;
        res.on("end", () => done({ status, error: ok ? null : `HTTP ${status}` }));
        res.on("close", () => done({ status, error: ok ? null : `HTTP ${status}` }));
        res.on("error", () => done({ status, error: ok ? null : `HTTP ${status}` }));
      },
    );
    const timer = setTimeout(() => {
      done({ status: null, error: `timed out after ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on("error", (err: NodeJS.ErrnoException) =>
      done({ status: null, error: (err.message || err.code || "connection failed").slice(0, 500) }),
    );
    req.end(body);
  });
}
