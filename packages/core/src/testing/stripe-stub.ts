import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export type StripeStubRequest = {
  method: string;
  /** Without the query string, e.g. `/v1/payment_intents/pi_X`. */
  path: string;
  body: Record<string, unknown>;
  query: Record<string, unknown>;
  idempotencyKey: string | null;
  authenticated: boolean;
};

/** How to spoil a request: a Stripe error answer, or a dropped connection after the change was made. */
export type StripeStubFailure = (
  | { status: number; type: string; code?: string; declineCode?: string; message?: string }
  | { drop: "after" }
) & { when?: (r: StripeStubRequest) => boolean };

type Intent = {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  latest_charge: string | null;
  last_payment_error: { code: string; decline_code?: string; message: string; type: string } | null;
  payment_method_types: string[];
  created: number;
  livemode: false;
};
type Refund = {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  payment_intent: string;
  charge: string | null;
  status: string;
  metadata: Record<string, string>;
  created: number;
};

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;

/** `a[b]=1&a[c]=2&expand[0]=x` as nested objects, the way Stripe reads form bodies. */
function parseForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const parts = key.split(/\[|\]\[|\]/).filter(Boolean);
    let at = out;
    parts.forEach((p, i) => {
      if (i === parts.length - 1) at[p] = value;
      else {
        at[p] ??= {};
        at = at[p] as Record<string, unknown>;
      }
    });
  }
  return out;
}

/**
 * A local HTTP server speaking the part of Stripe's API the adapter uses: POST and GET
 * /v1/payment_intents(/:id), POST /v1/refunds, GET /v1/refunds?payment_intent=. Requests need
 * `Authorization: Bearer <secret key>`; a repeated `Idempotency-Key` answers with the first
 * response, as Stripe does (and refuses the key with other parameters). Point the real SDK at
 * `url` (STRIPE_API_URL). Tests act as the buyer with `pay`/`decline`, and get webhook
 * deliveries signed with the SDK's `webhooks.generateTestHeaderString`.
 */
export async function startStripeStub(options: { secretKey: string; webhookSecret: string }) {
  const intents = new Map<string, Intent>();
  const refunds = new Map<string, Refund>();
  const idempotent = new Map<string, { params: string; status: number; body: unknown }>();
  const requests: StripeStubRequest[] = [];
  let failures: StripeStubFailure[] = [];
  let refundStatus = "succeeded";
  const sdk = new Stripe(options.secretKey);
  const now = () => Math.floor(Date.now() / 1000);

  const error = (status: number, type: string, message: string, code?: string, declineCode?: string) => ({
    status,
    body: {
      error: { type, message, ...(code && { code }), ...(declineCode && { decline_code: declineCode }) },
    },
  });
  const missing = (what: string, v: string) =>
    error(404, "invalid_request_error", `No such ${what}: '${v}'`, "resource_missing");

  function route(r: StripeStubRequest): { status: number; body: unknown } {
    const [, version, resource, rid, extra] = r.path.split("/");
    if (version !== "v1" || extra) return error(404, "invalid_request_error", "Unrecognized request URL");
    const b = r.body;
    if (resource === "payment_intents" && r.method === "POST" && !rid) {
      const amount = Number(b.amount);
      if (!Number.isInteger(amount) || amount < 50)
        return error(400, "invalid_request_error", "Amount must be at least ₹0.50 inr", "amount_too_small");
      const pi: Intent = {
        id: id("pi"),
        object: "payment_intent",
        amount,
        amount_received: 0,
        currency: String(b.currency),
        status: "requires_payment_method",
        client_secret: "",
        metadata: (b.metadata as Record<string, string>) ?? {},
        latest_charge: null,
        last_payment_error: null,
        payment_method_types: ["card"],
        created: now(),
        livemode: false,
      };
      pi.client_secret = `${pi.id}_secret_${randomBytes(8).toString("hex")}`;
      intents.set(pi.id, pi);
      return { status: 200, body: pi };
    }
    if (resource === "payment_intents" && r.method === "GET" && rid) {
      const pi = intents.get(rid);
      return pi ? { status: 200, body: pi } : missing("payment_intent", rid);
    }
    if (resource === "refunds" && r.method === "POST" && !rid) {
      const pi = intents.get(String(b.payment_intent));
      if (!pi) return missing("payment_intent", String(b.payment_intent));
      if (pi.status !== "succeeded")
        return error(400, "invalid_request_error", "This PaymentIntent has no successful charge to refund.");
      const refunded = [...refunds.values()]
        .filter((x) => x.payment_intent === pi.id && x.status !== "failed")
        .reduce((a, x) => a + x.amount, 0);
      const amount = b.amount === undefined ? pi.amount_received - refunded : Number(b.amount);
      if (amount > pi.amount_received - refunded)
        return error(
          400,
          "invalid_request_error",
          `Refund amount (₹${amount / 100}) is greater than unrefunded amount on charge`,
          "amount_too_large",
        );
      const refund: Refund = {
        id: id("re"),
        object: "refund",
        amount,
        currency: pi.currency,
        payment_intent: pi.id,
        charge: pi.latest_charge,
        status: refundStatus,
        metadata: (b.metadata as Record<string, string>) ?? {},
        created: now(),
      };
      refunds.set(refund.id, refund);
      return { status: 200, body: refund };
    }
    if (resource === "refunds" && r.method === "GET" && !rid) {
      const list = [...refunds.values()]
        .filter((x) => !r.query.payment_intent || x.payment_intent === r.query.payment_intent)
        .reverse();
      return { status: 200, body: { object: "list", data: list, has_more: false, url: "/v1/refunds" } };
    }
    return error(404, "invalid_request_error", `Unrecognized request URL (${r.method}: ${r.path})`);
  }

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stub");
      const text = Buffer.concat(chunks).toString();
      const r: StripeStubRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        body: parseForm(text),
        query: parseForm(url.search.slice(1)),
        idempotencyKey: (req.headers["idempotency-key"] as string | undefined) ?? null,
        authenticated: req.headers.authorization === `Bearer ${options.secretKey}`,
      };
      requests.push(r);
      if (!r.authenticated)
        return send(res, 401, {
          error: { type: "invalid_request_error", message: "Invalid API Key provided: sk_***" },
        });
      const fi = failures.findIndex((f) => !f.when || f.when(r));
      const failure = fi >= 0 ? failures[fi] : undefined;
      if (failure) failures = failures.filter((_, i) => i !== fi);
      if (failure && "status" in failure) {
        const e = error(
          failure.status,
          failure.type,
          failure.message ?? "Stub failure",
          failure.code,
          failure.declineCode,
        );
        return send(res, e.status, e.body);
      }
      let answer: { status: number; body: unknown };
      const key = r.idempotencyKey && r.method === "POST" ? `${r.path}|${r.idempotencyKey}` : null;
      const seen = key ? idempotent.get(key) : undefined;
      if (seen && seen.params !== text)
        answer = error(
          400,
          "idempotency_error",
          "Keys for idempotent requests can only be used with the same parameters they were first used with.",
        );
      else if (seen) answer = { status: seen.status, body: seen.body };
      else {
        answer = route(r);
        if (key && answer.status < 500) idempotent.set(key, { params: text, ...answer });
      }
      if (failure && "drop" in failure) return req.socket.destroy();
      send(res, answer.status, answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  /** A webhook delivery as Stripe sends it: the event JSON and its `Stripe-Signature` header. */
  const delivery = (type: string, object: unknown, secret = options.webhookSecret) => {
    const event = {
      id: id("evt"),
      object: "event",
      api_version: Stripe.API_VERSION,
      created: now(),
      type,
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      data: { object },
    };
    const body = JSON.stringify(event, null, 2);
    return {
      body,
      signature: sdk.webhooks.generateTestHeaderString({ payload: body, secret }),
      eventId: event.id,
    };
  };
  const intent = (piId: string) => {
    const pi = intents.get(piId);
    if (!pi) throw new Error(`stub: no intent ${piId}`);
    return pi;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    intents,
    refunds,
    /** Spoil the next matching request. */
    fail(f: StripeStubFailure) {
      failures.push(f);
    },
    /** New refunds answer with this status (Stripe: `succeeded`, or `pending` for slow methods). */
    setRefundStatus(status: "succeeded" | "pending") {
      refundStatus = status;
    },
    /** The buyer pays in the Payment Element: the intent succeeds. Returns the webhook Stripe would send. */
    pay(piId: string, opts: { amount?: number } = {}) {
      const pi = intent(piId);
      Object.assign(pi, {
        status: "succeeded",
        amount_received: opts.amount ?? pi.amount,
        latest_charge: id("ch"),
        last_payment_error: null,
      });
      return delivery("payment_intent.succeeded", { ...pi });
    },
    /** The card is declined: the intent waits for another payment method. */
    decline(piId: string, message = "Your card was declined.") {
      const pi = intent(piId);
      pi.last_payment_error = {
        type: "card_error",
        code: "card_declined",
        decline_code: "generic_decline",
        message,
      };
      pi.status = "requires_payment_method";
      return delivery("payment_intent.payment_failed", { ...pi });
    },
    /** Stripe finished refunding: refunds of the intent succeed and `charge.refunded` is sent. */
    settleRefunds(piId: string) {
      const pi = intent(piId);
      for (const r of refunds.values())
        if (r.payment_intent === piId && r.status === "pending") r.status = "succeeded";
      const refunded = [...refunds.values()]
        .filter((r) => r.payment_intent === piId && r.status === "succeeded")
        .reduce((a, r) => a + r.amount, 0);
      return delivery("charge.refunded", {
        id: pi.latest_charge,
        object: "charge",
        amount: pi.amount_received,
        amount_refunded: refunded,
        currency: pi.currency,
        payment_intent: pi.id,
        refunded: refunded >= pi.amount_received,
        status: "succeeded",
      });
    },
    delivery,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type StripeStub = Awaited<ReturnType<typeof startStripeStub>>;
