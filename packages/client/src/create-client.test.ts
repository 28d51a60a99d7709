import type { UserDto } from "@bazaar/schemas";
import superjson from "superjson";
import { describe, expect, it, vi } from "vitest";
import { createBazaarSession } from "./create-client";
import { toFormError } from "./form-error";

const user: UserDto = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "asha@example.com",
  name: "Asha",
  phone: null,
  role: "customer",
  status: "active",
  emailVerified: true,
  statusReason: null,
  createdAt: new Date(0),
};

const ok = (data: unknown) => ({ result: { data: superjson.serialize(data) } });
const fail = (code: string, httpStatus: number, message: string, extra: Record<string, unknown> = {}) => ({
  error: superjson.serialize({ message, code: -32001, data: { code, httpStatus, ...extra } }),
});

/** A fake /trpc endpoint: `auth.me` wants token "fresh"; `auth.refresh` hands it out. */
function fakeServer() {
  const log: { path: string; auth: string | null; url: string }[] = [];
  let refreshes = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), "http://app.test");
    const paths = url.pathname.replace("/trpc/", "").split(",");
    const auth = new Headers(init?.headers).get("authorization");
    const batch = url.searchParams.has("batch");
    const answers = paths.map((path) => {
      log.push({ path, auth, url: url.pathname });
      if (path === "auth.refresh") {
        refreshes++;
        return ok({ user, accessToken: "fresh", accessTokenExpiresAt: new Date() });
      }
      if (path === "auth.me")
        return auth === "Bearer fresh" ? ok(user) : fail("UNAUTHORIZED", 401, "Sign in to continue");
      if (path === "auth.login")
        return fail("UNAUTHORIZED", 401, "Email or password is wrong", {
          reason: "auth.invalid_credentials",
        });
      return fail("NOT_FOUND", 404, "No such procedure");
    });
    const status = answers.some((a) => "error" in a) ? 401 : 200;
    return new Response(JSON.stringify(batch ? answers : answers[0]), {
      status,
      headers: { "content-type": "application/json" },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, log, refreshes: () => refreshes };
}

describe("createBazaarSession", () => {
  it("refreshes once for concurrent 401s and retries each call with the new token", async () => {
    const server = fakeServer();
    const { client, auth } = createBazaarSession({ url: "http://app.test/trpc", fetch: server.fetch });
    auth.setSession({ user, accessToken: "expired" });
    const [a, b] = await Promise.all([client.auth.me.query(), client.auth.me.query()]);
    expect(a.email).toBe(user.email);
    expect(b.createdAt).toBeInstanceOf(Date);
    expect(server.refreshes()).toBe(1);
    expect(auth.getAccessToken()).toBe("fresh");
    // The refresh goes unbatched, so a path-scoped cookie is sent with it.
    expect(server.log.find((l) => l.path === "auth.refresh")?.url).toBe("/trpc/auth.refresh");
    expect(server.log.filter((l) => l.path === "auth.me").map((l) => l.auth)).toEqual([
      "Bearer expired",
      "Bearer expired",
      "Bearer fresh",
      "Bearer fresh",
    ]);
  });

  it("does not refresh when a login is refused, and explains the error for a form", async () => {
    const server = fakeServer();
    const { client } = createBazaarSession({ url: "http://app.test/trpc", fetch: server.fetch });
    const error = await client.auth.login.mutate({ email: "a@b.co", password: "x" }).catch((e) => e);
    expect(server.refreshes()).toBe(0);
    expect(toFormError(error)).toMatchObject({
      message: "Email or password is wrong",
      reason: "auth.invalid_credentials",
      code: "UNAUTHORIZED",
    });
  });
});

/** Just enough of EventSource for tRPC's SSE consumer; the test plays the server's events. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSED = 2;
  readyState = 0;
  withCredentials = false;
  private listeners = new Map<string, ((event: unknown) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener() {}
  close() {
    this.readyState = 2;
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? [])
      listener({ data: JSON.stringify(data), lastEventId: "" });
  }
  get token(): string | undefined {
    const params = new URL(this.url, "http://app.test").searchParams.get("connectionParams");
    return params ? JSON.parse(params).token : undefined;
  }
}

describe("live subscriptions", () => {
  const event = {
    orderId: "00000000-0000-4000-8000-000000000010",
    subOrderId: "00000000-0000-4000-8000-000000000011",
    number: "BZ-250101-ABCDEF-1",
    from: "confirmed",
    to: "packed",
    paymentStatus: "paid",
    at: new Date("2025-01-01T10:00:00Z"),
  } as const;

  const connect = async () => {
    FakeEventSource.opened = [];
    const server = fakeServer();
    const { client, auth } = createBazaarSession({
      url: "/trpc",
      fetch: server.fetch,
      EventSource: FakeEventSource as unknown as typeof EventSource,
    });
    auth.setSession({ user, accessToken: "expired" });
    const seen: unknown[] = [];
    const errors: unknown[] = [];
    const sub = client.orders.onUpdate.subscribe(undefined, {
      onData: (data) => seen.push(data),
      onError: (error) => errors.push(error),
    });
    await vi.waitFor(() => expect(FakeEventSource.opened).toHaveLength(1));
    return { server, auth, seen, errors, sub };
  };

  it("streams over SSE with the token as a connection param, decoding with superjson", async () => {
    const { server, seen, sub } = await connect();
    const source = FakeEventSource.opened[0]!;
    expect(source.url).toMatch(/^\/trpc\/orders\.onUpdate\?/);
    expect(source.token).toBe("expired");
    source.emit("connected", {});
    source.emit("message", superjson.serialize(event));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual(event);
    expect((seen[0] as typeof event).at).toBeInstanceOf(Date);
    // Nothing went through fetch: queries and mutations keep their own links.
    expect(server.log).toEqual([]);
    sub.unsubscribe();
    expect(source.readyState).toBe(2);
  });

  it("refreshes a refused token and reconnects with the new one", async () => {
    const { server, auth, seen, errors, sub } = await connect();
    FakeEventSource.opened[0]!.emit(
      "serialized-error",
      superjson.serialize({
        message: "Sign in",
        code: -32001,
        data: { code: "UNAUTHORIZED", httpStatus: 401 },
      }),
    );
    await vi.waitFor(() => expect(FakeEventSource.opened).toHaveLength(2));
    expect(server.refreshes()).toBe(1);
    expect(auth.getAccessToken()).toBe("fresh");
    const second = FakeEventSource.opened[1]!;
    expect(second.token).toBe("fresh");
    second.emit("connected", {});
    second.emit("message", superjson.serialize(event));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(errors).toEqual([]);
    sub.unsubscribe();
  });
});
