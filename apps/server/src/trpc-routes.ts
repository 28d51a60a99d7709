import { isSharedValue } from "@bazaar/core";
import type { AnyRouter } from "@trpc/server";
import { type FastifyHandlerOptions, fastifyRequestHandler } from "@trpc/server/adapters/fastify";
import {
  type AnyProcedure,
  getErrorShape,
  getHTTPStatusCode,
  getProcedureAtPath,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isObject,
  isPromise,
  TRPCError,
  type TRPCRequestInfo,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

export type TrpcOptions<TRouter extends AnyRouter> = FastifyHandlerOptions<
  TRouter,
  FastifyRequest,
  FastifyReply
>;

type Query = Record<string, string | string[] | undefined>;
type Outcome = [TRPCError, undefined] | [undefined, unknown];

const isJson = (contentType: string | undefined) =>
  (contentType ?? "").toLowerCase().split(";", 1)[0]!.trim() === "application/json";

/** What tRPC refuses to send outside a streaming link (resolveResponse's isDataStream). */
const isDataStream = (v: unknown) =>
  isObject(v) && (isAsyncIterable(v) || Object.values(v).some((x) => isPromise(x) || isAsyncIterable(x)));

/**
 * tRPC over Fastify without the web-standard detour. tRPC's own adapter turns every Node
 * request into a fetch `Request` and every answer into a `Response` that Fastify streams
 * back: on a cached read that conversion was 40–45% of the API's CPU. Plain queries (GET)
 * and JSON mutations (POST), single or batched, are answered here straight from Fastify's
 * request to a string body, with tRPC's own rules: the same error shapes and HTTP statuses
 * (207 for a mixed batch), `responseMeta` headers, `onError`, the batch cap. Everything
 * else — subscriptions (SSE), streaming batches, method or path errors, HEAD, form data —
 * goes to tRPC's adapter unchanged.
 */
export async function trpcRoutes<TRouter extends AnyRouter>(
  app: FastifyInstance,
  options: { prefix: string; trpcOptions: TrpcOptions<TRouter> },
) {
  const { trpcOptions } = options;
  const { router, createContext, responseMeta, onError, maxBatchSize } = trpcOptions;
  const config = router._def._config;

  /**
   * A value the in-process cache shares between requests (a catalogue page, a product) is
   * never changed, so its wire form is worked out once and reused while the entry lives:
   * on a cache hit, serialising (the transformer's walk, then JSON.stringify) was about a
   * fifth of the API's CPU. The same text `JSON.stringify(transformTRPCResponse(…))` gives.
   * Kept from a value's second answer on: an entry answered once (a search never repeated,
   * a page of a crawl) would hold its text as long as the entry for nothing, about a third
   * of what such entries cost the heap (#14).
   */
  const wireForms = new WeakMap<object, string>();
  const answeredOnce = new WeakSet<object>();
  const itemJson = (item: unknown): string => {
    const data = (item as { result?: { data?: unknown } }).result?.data;
    if (!isSharedValue(data)) return JSON.stringify(transformTRPCResponse(config, item as never));
    let json = wireForms.get(data);
    if (json === undefined) {
      json = JSON.stringify(config.transformer.output.serialize(data)) as string;
      if (answeredOnce.has(data)) wireForms.set(data, json);
      else answeredOnce.add(data);
    }
    return `{"result":{"data":${json}}}`;
  };

  const deserialize = (v: unknown) => config.transformer.input.deserialize(v);

  // Built once per app, not per request: with the bundle's keepNames every function created
  // per request is also named at run time, which showed at a few per cent of a cached read.
  const shapeOf = (call: Call, error: TRPCError, ctx: unknown, i: number | undefined) =>
    getErrorShape({
      config,
      ctx,
      error,
      input: i === undefined ? undefined : call.inputs.values?.[i],
      path: i === undefined ? undefined : call.paths[i],
      type: call.type,
    });
  const send = (
    call: Call,
    reply: FastifyReply,
    status: number,
    errors: TRPCError[],
    ctx: unknown,
    untransformed: unknown,
  ) => {
    const meta = responseMeta?.({
      ctx: ctx as never,
      info: call.info,
      paths: call.paths,
      type: call.type,
      data: (Array.isArray(untransformed) ? untransformed : [untransformed]) as never,
      errors,
      eagerGeneration: false,
    });
    reply.header("vary", "trpc-accept, accept").header("content-type", "application/json");
    for (const [key, value] of Object.entries(meta?.headers ?? {}))
      if (typeof value === "string" || Array.isArray(value)) reply.header(key, value);
    const body = Array.isArray(untransformed)
      ? `[${untransformed.map(itemJson).join(",")}]`
      : itemJson(untransformed);
    reply.code(meta?.status ?? status).send(body);
  };

  async function answer(req: FastifyRequest, reply: FastifyReply, rawPath: string): Promise<boolean> {
    const method = req.method;
    if (method !== "GET" && method !== "POST") return false;
    const headers = req.headers;
    if (headers["trpc-accept"] !== undefined || headers.accept?.includes("application/jsonl")) return false;
    const query = req.query as Query;
    if (query.connectionParams !== undefined || Array.isArray(query.batch) || Array.isArray(query.input))
      return false;
    const type = method === "GET" ? "query" : "mutation";
    if (type === "mutation" && (typeof req.body !== "string" || !isJson(headers["content-type"])))
      return false;
    const isBatchCall = query.batch === "1";
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      return false;
    }
    const paths = isBatchCall ? path.split(",") : [path];
    if (isBatchCall && typeof maxBatchSize === "number" && paths.length > maxBatchSize) return false;
    const procedures: AnyProcedure[] = [];
    for (const p of paths) {
      const procedure = (await getProcedureAtPath(router, p)) as AnyProcedure | null;
      if (!procedure || procedure._def.type !== type) return false;
      procedures.push(procedure);
    }

    const inputs = new Inputs(
      type === "query" ? (query.input as string | undefined) : (req.body as string),
      type === "mutation",
      isBatchCall,
      paths.length,
      deserialize,
    );
    const info: TRPCRequestInfo = {
      isBatchCall,
      accept: null,
      calls: paths.map((p, batchIndex) => ({
        path: p,
        batchIndex,
        procedure: procedures[batchIndex]!,
        getRawInput: inputs.raw.bind(inputs, batchIndex),
        result: inputs.parsed.bind(inputs, batchIndex),
      })),
      type,
      connectionParams: null,
      signal: undefined as unknown as AbortSignal,
      url: null,
    };
    const call: Call = { type, paths, inputs, info };

    let ctx: unknown;
    try {
      ctx = await createContext?.({ req, res: reply, info } as never);
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      onError?.({ error, path: undefined, input: undefined, ctx: undefined, type, req });
      const body = { error: shapeOf(call, error, undefined, undefined) };
      send(call, reply, getHTTPStatusCode(body), [error], undefined, body);
      return true;
    }

    const outcomes = await Promise.all(
      procedures.map(async (procedure, batchIndex): Promise<Outcome> => {
        try {
          const data = await procedure({
            path: paths[batchIndex]!,
            getRawInput: info.calls[batchIndex]!.getRawInput,
            ctx,
            type,
            signal: undefined,
            batchIndex,
          });
          if (isDataStream(data) && isBatchCall) return [streamRefused(), undefined];
          if (isDataStream(data)) throw streamRefused();
          return [undefined, data];
        } catch (cause) {
          const error = getTRPCErrorFromUnknown(cause);
          onError?.({
            error,
            path: paths[batchIndex],
            input: inputs.values?.[batchIndex],
            ctx: ctx as never,
            type,
            req,
          });
          return [error, undefined];
        }
      }),
    );
    const rpc = outcomes.map(([error, data], i) =>
      error ? { error: shapeOf(call, error, ctx, i) } : { result: { data } },
    );
    const errors = outcomes.flatMap(([error]) => (error ? [error] : []));
    send(call, reply, getHTTPStatusCode(rpc as never), errors, ctx, isBatchCall ? rpc : rpc[0]);
    return true;
  }

  await app.register(
    async (scope) => {
      // As tRPC's plugin: bodies reach the handler as the raw text.
      scope.removeContentTypeParser("application/json");
      scope.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) =>
        done(null, body),
      );
      scope.removeContentTypeParser("multipart/form-data");
      scope.addContentTypeParser("multipart/form-data", {}, (_req, body, done) => done(null, body));
      scope.all("/:path", async (req, reply) => {
        const { path } = req.params as { path: string };
        if (await answer(req, reply, path)) return reply;
        await fastifyRequestHandler({ ...trpcOptions, req, res: reply, path });
        return reply;
      });
    },
    { prefix: options.prefix },
  );
}

const streamRefused = () =>
  new TRPCError({
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink",
  });

type Call = { type: "query" | "mutation"; paths: string[]; inputs: Inputs; info: TRPCRequestInfo };

/** A request's inputs, read once when the first procedure asks; a bad input fails each call, as in tRPC. */
class Inputs {
  values: Record<number, unknown> | undefined;
  error: TRPCError | undefined;
  constructor(
    readonly text: string | undefined,
    readonly isMutation: boolean,
    readonly isBatchCall: boolean,
    readonly count: number,
    readonly deserialize: (v: unknown) => unknown,
  ) {}

  read(): Record<number, unknown> {
    if (this.values) return this.values;
    if (this.error) throw this.error;
    try {
      // A query without input has none; a mutation's body is parsed whatever it is (empty is an error).
      const raw: unknown = this.text || this.isMutation ? JSON.parse(this.text as string) : undefined;
      if (raw === undefined) this.values = {};
      else if (!this.isBatchCall) this.values = { 0: this.deserialize(raw) };
      else {
        if (!isObject(raw))
          throw new TRPCError({
            code: "BAD_REQUEST",
            message: '"input" needs to be an object when doing a batch call',
          });
        const read: Record<number, unknown> = {};
        for (let i = 0; i < this.count; i++) if (raw[i] !== undefined) read[i] = this.deserialize(raw[i]);
        this.values = read;
      }
      return this.values;
    } catch (cause) {
      this.error =
        cause instanceof TRPCError
          ? cause
          : new TRPCError({
              code: "BAD_REQUEST",
              message: cause instanceof Error ? cause.message : "Invalid input",
              cause,
            });
      throw this.error;
    }
  }

  /** tRPC's getRawInput for call i. */
  async raw(i: number): Promise<unknown> {
    return this.read()[i];
  }

  /** tRPC's `result()` of call i: its input once read. */
  parsed(i: number): unknown {
    return this.values?.[i];
  }
}
