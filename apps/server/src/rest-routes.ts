import { appRouter, createContext, type Meta, openApiDocument, REST_BASE } from "@bazaar/api";
import { DomainError, type Runtime } from "@bazaar/core";
import type { AnyProcedure } from "@trpc/server";
import {
  getErrorShape,
  getTRPCErrorFromUnknown,
  type TRPC_ERROR_CODE_KEY,
} from "@trpc/server/unstable-core-do-not-import";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { bearerToken } from "./bearer";
import { routeErrorHandler } from "./http-errors";

type Schema = { _zod?: { def: { type: string; innerType?: Schema } }; shape?: Record<string, Schema> };

/** The domain error kind of a tRPC error that carries no DomainError (bad JSON, a parse error). */
const kindOf: Partial<Record<TRPC_ERROR_CODE_KEY, string>> = {
  BAD_REQUEST: "VALIDATION",
  PARSE_ERROR: "VALIDATION",
  UNSUPPORTED_MEDIA_TYPE: "VALIDATION",
  PAYLOAD_TOO_LARGE: "VALIDATION",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  PRECONDITION_FAILED: "INVALID_STATE",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
  SERVICE_UNAVAILABLE: "UNAVAILABLE",
};

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || null;

/** optional/default/nullable peeled off: the type a query-string value must become. */
function baseType(schema: Schema | undefined): string | undefined {
  let s = schema;
  for (let i = 0; s?._zod && i < 10; i++) {
    const def = s._zod.def;
    if (!["optional", "default", "nullable", "prefault", "readonly", "catch"].includes(def.type))
      return def.type;
    s = def.innerType;
  }
  return undefined;
}

/**
 * Query strings carry only text: numbers and booleans are converted where the procedure's
 * schema wants them, and a lone value becomes a list where it wants a list. Nothing else is
 * touched, so the procedure's own schema judges the input exactly as over tRPC (the shared
 * schemas are not switched to coercion).
 */
function coerceQuery(procedure: AnyProcedure, query: Record<string, unknown>): Record<string, unknown> {
  const schema = (procedure._def as { inputs: Schema[] }).inputs[0];
  const shape = schema?.shape ?? {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    const type = baseType(shape[key]);
    const one = (v: unknown) => {
      if (typeof v !== "string") return v;
      if (type === "number" && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
      if (type === "boolean" && (v === "true" || v === "false")) return v === "true";
      return v;
    };
    out[key] =
      type === "array"
        ? Array.isArray(value)
          ? value
          : [value]
        : one(Array.isArray(value) ? value[0] : value);
  }
  return out;
}

/**
 * The REST bridge at `/api/v1` (issue #16): each procedure whose meta has `openapi` (see
 * packages/api/src/rest-meta.ts) answers at its method and path, with its input from the
 * path, the query string (GET) or the JSON body, run through the very same procedure —
 * middlewares, role gates, API-key scopes, zod input, core call. Answers are plain JSON;
 * errors are `{ code, message, reason, fieldErrors?, details? }` with the status the tRPC
 * edge gives the same error. The OpenAPI 3.1 document is `/api/v1/openapi.json`.
 */
export async function restRoutes(app: FastifyInstance, opts: { runtime: Runtime }) {
  const { runtime } = opts;
  const config = appRouter._def._config;
  // Generated on first request (~20 ms), not on every start.
  let document: Promise<string> | undefined;

  await app.register(
    async (scope) => {
      scope.setErrorHandler(routeErrorHandler("api"));
      scope.setNotFoundHandler((req, reply) =>
        reply.code(404).send({
          code: "NOT_FOUND",
          message: `No API route ${req.method} ${req.url.split("?")[0]}; see ${REST_BASE}/openapi.json`,
          reason: "route.not_found",
        }),
      );
      scope.get("/openapi.json", async (_req, reply) => {
        // One generation however many ask at once; a failed one is tried again by the next.
        document ??= openApiDocument().then(
          (doc) => JSON.stringify(doc),
          (err) => {
            document = undefined;
            throw err;
          },
        );
        return reply.type("application/json").send(await document);
      });

      const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
      for (const [path, procedure] of Object.entries(procedures)) {
        const meta = procedure._def.meta as Meta | undefined;
        if (!meta?.openapi || meta.openapi.enabled === false) continue;
        const { method } = meta.openapi;
        const url = meta.openapi.path.replace(/\{(\w+)\}/g, ":$1");
        const hasInput = (procedure._def as { inputs: unknown[] }).inputs.length > 0;
        scope.route({
          method,
          url,
          handler: (req, reply) =>
            answer(req, reply, path, procedure, method === "GET" || method === "DELETE", hasInput),
        });
      }
    },
    { prefix: REST_BASE },
  );

  async function answer(
    req: FastifyRequest,
    reply: FastifyReply,
    path: string,
    procedure: AnyProcedure,
    fromQuery: boolean,
    hasInput: boolean,
  ) {
    const params = (req.params ?? {}) as Record<string, string>;
    let input: unknown;
    if (hasInput) {
      const body = req.body ?? {};
      if (!fromQuery && (typeof body !== "object" || Array.isArray(body)))
        throw new DomainError("VALIDATION", "request.invalid", "The body must be a JSON object");
      input = fromQuery
        ? { ...coerceQuery(procedure, (req.query ?? {}) as Record<string, unknown>), ...params }
        : { ...(body as object), ...params };
    }
    const ctx = createContext(runtime.deps, {
      requestId: String(req.id).slice(0, 100),
      ip: req.ip ?? null,
      userAgent: req.headers["user-agent"] ?? null,
      // No cookies here: integrators send a key or a bearer token, nothing rides on the browser.
      client: "mobile",
      accessToken: bearerToken(req),
      apiKey: header(req.headers["x-api-key"]),
      refreshCookie: null,
      setRefreshCookie: () => {},
      clearRefreshCookie: () => {},
      cartToken: null,
      setCartCookie: () => {},
      clearCartCookie: () => {},
    });
    const type = procedure._def.type as "query" | "mutation";
    try {
      const data = await procedure({
        path,
        getRawInput: async () => input,
        ctx,
        type,
        signal: undefined,
        batchIndex: 0,
      });
      return reply
        .code(200)
        .type("application/json")
        .send(JSON.stringify(data ?? null));
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      const shape = getErrorShape({ config, ctx, error, input, path, type }) as {
        message: string;
        data: {
          httpStatus: number;
          reason?: string;
          fieldErrors?: Record<string, string[]>;
          details?: Record<string, unknown>;
        };
      };
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      if (internal) req.log.error({ err: error.cause ?? error, path }, "procedure failed");
      const domain = error.cause instanceof DomainError ? error.cause : undefined;
      const retry = domain?.code === "RATE_LIMITED" ? shape.data.details?.retryAfterSeconds : undefined;
      if (retry) reply.header("retry-after", String(retry));
      const { httpStatus, reason, fieldErrors, details } = shape.data;
      return reply.code(httpStatus).send({
        code: domain?.code ?? (internal ? "INTERNAL" : (kindOf[error.code] ?? "VALIDATION")),
        message: shape.message,
        reason: reason ?? (internal ? "internal" : "request.invalid"),
        ...(fieldErrors && { fieldErrors }),
        ...(details && { details }),
      });
    }
  }
}
