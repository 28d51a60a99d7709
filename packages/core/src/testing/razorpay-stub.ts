import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeRazorpay, type FakeRazorpay, FakeRazorpayError } from "../payments";

export type RazorpayStubRequest = {
  method: string;
  /** Path without the query string, e.g. `/v1/payments/pay_X/refund`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Whether the Basic credentials matched. */
  authenticated: boolean;
};

/**
 * How to spoil the next request: answer with an HTTP error (Razorpay's error JSON), drop
 * the connection — before handling it, or after (the change is made but the answer is lost,
 * the case refund idempotency exists for) — or hold it unanswered for `hangMs` (a gateway
 * that stopped answering: the client's timeout must fire), then drop it.
 */
export type RazorpayStubFailure = (
  | { status: number; code?: string; description?: string }
  | { drop: "before" | "after" }
  | { hangMs: number }
) & {
  /** Spoil the first request this matches (default: the next request). */
  when?: (request: RazorpayStubRequest) => boolean;
};

/**
 * A local HTTP server speaking the part of Razorpay's REST API the adapter uses, over one
 * fake Razorpay account: POST /v1/orders, GET /v1/orders/:id, GET /v1/orders/:id/payments,
 * GET /v1/payments/:id, POST /v1/payments/:id/refund, GET /v1/payments/:id/refunds.
 * Requests need HTTP Basic auth with the key id and secret, as Razorpay's do. Point the SDK
 * at `url` (the SDK appends `/v1/...` itself). Tests drive customer actions (paying) on
 * `fake` directly.
 */
export async function startRazorpayStub(credentials: { keyId: string; keySecret: string }) {
  const fake = createFakeRazorpay();
  const requests: RazorpayStubRequest[] = [];
  let failures: RazorpayStubFailure[] = [];
  const expectedAuth = Buffer.from(
    `Basic ${Buffer.from(`${credentials.keyId}:${credentials.keySecret}`).toString("base64")}`,
  );

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const sendError = (
    res: ServerResponse,
    status: number,
    code: string,
    description: string,
    field?: string,
  ) =>
    send(res, status, {
      error: {
        code,
        description,
        source: "NA",
        step: "NA",
        reason: "NA",
        metadata: {},
        ...(field && { field }),
      },
    });
  const collection = <T>(items: T[]) => ({ entity: "collection", count: items.length, items });

  function route(method: string, path: string, query: Record<string, string>, body: Record<string, unknown>) {
    const [, version, resource, id = "", sub, extra] = path.split("/");
    if (version !== "v1" || extra !== undefined) return undefined;
    const notes = body.notes as Record<string, string> | undefined;
    switch (`${method} /${resource}${id && "/:id"}${sub ? `/${sub}` : ""}`) {
      case "POST /orders":
        return fake.createOrder({
          amount: body.amount,
          currency: body.currency,
          receipt: body.receipt,
          notes,
        });
      case "GET /orders/:id":
        return fake.fetchOrder(id);
      case "GET /orders/:id/payments":
        return collection(fake.orderPayments(id));
      case "GET /payments/:id":
        return fake.fetchPayment(id);
      case "POST /payments/:id/refund":
        return fake.refund(id, { amount: body.amount, receipt: body.receipt, notes }).refund;
      case "GET /payments/:id/refunds": {
        const count = Math.min(Number(query.count) || 10, 100);
        const skip = Number(query.skip) || 0;
        return collection(fake.paymentRefunds(id).slice(skip, skip + count));
      }
      default:
        return undefined;
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://stub");
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString();
    let body: unknown = {};
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        return sendError(res, 400, "BAD_REQUEST_ERROR", "The request body is not valid JSON");
      }
    }
    const auth = Buffer.from(req.headers.authorization ?? "");
    const authenticated = auth.length === expectedAuth.length && timingSafeEqual(auth, expectedAuth);
    const method = req.method ?? "GET";
    requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      authenticated,
    });

    const at = failures.findIndex((f) => !f.when || f.when(requests.at(-1)!));
    const failure = at < 0 ? undefined : failures.splice(at, 1)[0];
    if (failure && "drop" in failure && failure.drop === "before") return req.socket.destroy();
    if (failure && "hangMs" in failure) {
      const t = setTimeout(() => req.socket.destroy(), failure.hangMs);
      req.socket.once("close", () => clearTimeout(t));
      return;
    }
    if (failure && "status" in failure)
      return sendError(
        res,
        failure.status,
        failure.code ?? (failure.status >= 500 ? "SERVER_ERROR" : "BAD_REQUEST_ERROR"),
        failure.description ?? "The server encountered an error. The incident has been reported to admins.",
      );
    if (!authenticated) return sendError(res, 401, "BAD_REQUEST_ERROR", "Authentication failed");

    let result: unknown;
    try {
      const fields = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
      result = route(method, url.pathname, Object.fromEntries(url.searchParams), fields);
    } catch (e) {
      if (!(e instanceof FakeRazorpayError)) throw e;
      const { code, description, field } = e.error;
      return sendError(res, e.statusCode, code, description, field);
    }
    if (failure) return req.socket.destroy(); // drop "after": done, but the answer is lost
    if (result === undefined)
      return sendError(res, 404, "NOT_FOUND", "The requested URL was not found on the server.");
    return send(res, 200, result);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => sendError(res, 500, "SERVER_ERROR", String(e)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fake: fake as FakeRazorpay,
    requests,
    /** Spoil the next request (queue several by calling again). */
    failNext(failure: RazorpayStubFailure) {
      failures.push(failure);
    },
    reset() {
      requests.length = 0;
      failures = [];
      fake.reset();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type RazorpayStub = Awaited<ReturnType<typeof startRazorpayStub>>;
