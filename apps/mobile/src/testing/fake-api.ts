import superjson from "superjson";

/** What a fake procedure answers: data, or an API error (code, reason, status). */
export type FakeAnswer =
  | { data: unknown }
  | { error: { code: string; reason?: string; message?: string; status: number } }
  | { offline: true };
export type FakeHandler = (input: unknown) => FakeAnswer | Promise<FakeAnswer>;

export type Call = { path: string; input: unknown; headers: Record<string, string> };

/**
 * A stand-in for the API's tRPC endpoint, speaking its wire format (superjson, batched GETs
 * and POSTs), so screens and the session run their real client code. Unknown paths fail.
 */
export function fakeApi(handlers: Record<string, FakeHandler>) {
  const calls: Call[] = [];
  const answer = async (path: string, input: unknown, headers: Record<string, string>) => {
    calls.push({ path, input, headers });
    const handler = handlers[path];
    if (!handler) throw new Error(`fakeApi: no handler for ${path}`);
    return handler(input);
  };
  const wire = (a: FakeAnswer) =>
    "data" in a
      ? { result: { data: superjson.serialize(a.data) } }
      : "error" in a
        ? {
            error: superjson.serialize({
              message: a.error.message ?? a.error.code,
              code: -32000,
              data: {
                code: a.error.code,
                httpStatus: a.error.status,
                reason: a.error.reason ?? null,
                fieldErrors: {},
              },
            }),
          }
        : null;

  const fetch = async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const u = new URL(String(url), "http://api.test");
    const headers = Object.fromEntries(new Headers(init?.headers as HeadersInit).entries());
    const paths = decodeURIComponent(u.pathname.replace(/^.*\/trpc\//, "")).split(",");
    const batch = u.searchParams.get("batch") === "1";
    const raw =
      init?.method === "POST"
        ? JSON.parse(String(init.body ?? "{}"))
        : JSON.parse(u.searchParams.get("input") ?? "{}");
    const inputs = paths.map((_, i) => {
      const one = batch ? raw[i] : raw;
      return one && "json" in one ? superjson.deserialize(one) : undefined;
    });
    const answers = await Promise.all(paths.map((p, i) => answer(p, inputs[i], headers)));
    if (answers.some((a) => "offline" in a)) throw new TypeError("Network request failed");
    const body = batch ? answers.map(wire) : wire(answers[0] as FakeAnswer);
    const status =
      answers.length === 1 && "error" in (answers[0] as FakeAnswer)
        ? (answers[0] as { error: { status: number } }).error.status
        : 200;
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

export const user = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "asha@example.com",
  name: "Asha Verma",
  phone: null,
  role: "customer" as const,
  status: "active" as const,
  emailVerified: true,
  statusReason: null,
  createdAt: new Date("2026-01-01T00:00:00Z"),
};

export const signedIn = (n: number, extra: Record<string, unknown> = {}) => ({
  data: {
    user,
    accessToken: `access-${n}`,
    accessTokenExpiresAt: new Date(Date.now() + 600_000),
    refreshToken: `refresh-token-number-${n}-xxxxxxxxxxxx`,
    ...extra,
  },
});

export const emptyCart = {
  id: null,
  currency: "INR" as const,
  groups: [],
  coupon: null,
  totals: {
    subtotal: 0,
    itemDiscount: 0,
    couponDiscount: 0,
    shipping: 0,
    gstIncluded: 0,
    total: 0,
    itemCount: 0,
  },
};
